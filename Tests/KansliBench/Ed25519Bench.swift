import Foundation
import KansliCrypto

/// Kansli's own Ed25519 (issue 12) beside OpenSSL's, measured in the same run on one core:
/// signatures and verifications per second of a 100-byte message, and the ratios. The goal is
/// at least half of OpenSSL's rate.
enum Ed25519Bench {
    static func run(operations: Int, opensslSeconds: Int) throws {
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
        let message = [UInt8](repeating: 0x61, count: 100)
        let signature = key.sign(message)
        let publicKey = try Ed25519.PublicKey(bytes: key.publicKey.bytes)
        func rate(_ body: () -> Void) -> Double {
            let start = ContinuousClock.now
            for _ in 0..<operations { body() }
            let elapsed = ContinuousClock.now - start
            return Double(operations) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        var sink = 0
        let sign = rate { sink &+= Int(key.sign(message)[0]) }
        let verify = rate { sink &+= publicKey.isValidSignature(signature, for: message) ? 1 : 0 }
        let openssl = opensslSeconds > 0 ? opensslRates(seconds: opensslSeconds) : nil
        func ratio(_ ours: Double, _ theirs: Double?) -> String {
            theirs.map { String(format: "%.0f %%", 100 * ours / $0) } ?? "not measured"
        }
        print("""

            ## Ed25519: Kansli's own against OpenSSL, one core, 100-byte message (\(operations) operations; \(opensslSeconds > 0 ? "openssl speed -seconds \(opensslSeconds) ed25519" : "OpenSSL not run"))
            | operation | Kansli per second | OpenSSL per second | Kansli / OpenSSL |
            |---|---|---|---|
            | sign | \(Int(sign)) | \(openssl.map { "\(Int($0.sign))" } ?? "-") | \(ratio(sign, openssl?.sign)) |
            | verify | \(Int(verify)) | \(openssl.map { "\(Int($0.verify))" } ?? "-") | \(ratio(verify, openssl?.verify)) |
            Goal (issue 12): at least 50 % of OpenSSL's rate. (checksum \(sink % 2))
            """)
    }

    /// `openssl speed -seconds N ed25519`: its "sign/s verify/s" line.
    static func opensslRates(seconds: Int) -> (sign: Double, verify: Double)? {
        guard let path = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["speed", "-seconds", "\(seconds)", "ed25519"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // " 253 bits EdDSA (Ed25519)   0.0000s   0.0001s  37339.0  13632.0"
        guard let line = text.split(separator: "\n").last(where: { $0.contains("Ed25519") && !$0.contains("sign/s") }) else { return nil }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2 else { return nil }
        return (numbers[numbers.count - 2], numbers[numbers.count - 1])
    }
}
