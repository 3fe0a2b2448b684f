import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport

/// Services as release processes (beside kansli-bench) in a temporary directory, the way the
/// benchmarks start them: an admin key for the benchmark, `writers` (write keys, e.g. a second
/// person who approves a billing run), and a read key finance and documents call their peers with.
final class BenchCluster {
    let services: [String]
    let admin: ClientCredential
    let writer: ClientCredential
    private(set) var ports: [String: Int] = [:]
    private(set) var processes: [String: Process] = [:]
    private let directory: String

    /// Starts `services` in order (the registry first: the others name it as a peer), each with
    /// `arguments[service]` added to its command line.
    init(services: [String], arguments extra: [String: [String]] = [:]) throws {
        self.services = services
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        directory = NSTemporaryDirectory() + "kansli-bench-cluster-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        admin = try ClientCredential(keyID: "bench", secret: SecureRandom.bytes(32))
        writer = try ClientCredential(keyID: "bench-writer", secret: SecureRandom.bytes(32))
        let peer = try ClientCredential(keyID: "bench-peer", secret: SecureRandom.bytes(32))
        try peer.keyFileText.write(toFile: "\(directory)/peer.key", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(directory)/peer.key")
        for name in services {
            let data = "\(directory)/\(name)"
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            let keys = "\(data)/server-keys"
            try ([admin.serverKeyLine(forService: name, role: .admin), writer.serverKeyLine(forService: name, role: .write),
                  peer.serverKeyLine(forService: name, role: .read)].joined(separator: "\n") + "\n")
                .write(toFile: keys, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keys)
            var arguments = ["--port", "0", "--data-dir", data, "--keys", keys, "--log-level", "error"] + (extra[name] ?? [])
            if name != "registry" {
                arguments += ["--peer-key-file", "\(directory)/peer.key"]
                for (peerName, port) in ports.sorted(by: { $0.key < $1.key }) where name == "finance" || peerName == "registry" {
                    arguments += ["--\(peerName)-address", "127.0.0.1:\(port)"]
                }
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "\(binDirectory)/kansli-\(name)")
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(["MALLOC_ARENA_MAX": "2"]) { $1 }
            try process.run()
            processes[name] = process
            for _ in 0..<1_000 where ports[name] == nil {
                if let text = try? String(contentsOfFile: "\(data)/\(name).ready", encoding: .utf8) {
                    ports[name] = text.split(separator: "\n").first { $0.hasPrefix("port=") }.flatMap { Int($0.dropFirst(5)) }
                }
                if ports[name] == nil { Thread.sleep(forTimeInterval: 0.01) }
            }
            guard ports[name] != nil else {
                stop()
                throw ServiceError(.unavailable, "kansli-\(name) did not start")
            }
        }
    }

    /// A client of `service` with `credential` (the admin key by default).
    func client(_ service: String, _ credential: ClientCredential? = nil) -> ServiceClient {
        ServiceClient(host: "127.0.0.1", port: ports[service]!, credential: credential ?? admin)
    }

    func stop() {
        for process in processes.values where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
