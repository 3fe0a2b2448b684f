@testable import KansliCrypto
import Testing

#if canImport(Glibc)
import Glibc
import KansliTestSupport
#endif

@Suite("SHA-256 backends (portable Swift and SHA-NI)")
struct SHA256BackendTests {
    @Test("Portable and accelerated backends give identical digests on random inputs and chunkings",
          .enabled(if: SHA256.Backend.isAcceleratedAvailable,
                   "this CPU has no SHA extensions: only the portable backend exists here"))
    func portableAndAcceleratedAgree() {
        var random = SeededGenerator(seed: 0xC0FF_EE)
        for round in 0..<400 {
            let length = round < 300 ? round : Int.random(in: 0...20_000, using: &random)
            let message = random.bytes(length)
            var portable = SHA256(backend: .portable)
            var accelerated = SHA256(backend: .accelerated)
            #expect(portable.backend == .portable && accelerated.backend == .accelerated)
            var start = 0
            while start < length {
                let end = min(length, start + Int.random(in: 1...300, using: &random))
                portable.update(message[start..<end])
                accelerated.update(message[start..<end])
                start = end
            }
            #expect(portable.finalize() == accelerated.finalize(), "length \(length)")
        }
    }

    @Test("Asking for a backend gives it, or the portable one where SHA-NI is missing")
    func requestedBackendIsReported() {
        #expect(SHA256(backend: .portable).backend == .portable)
        let expected: SHA256.Backend = SHA256.Backend.isAcceleratedAvailable ? .accelerated : .portable
        #expect(SHA256(backend: .accelerated).backend == expected)
        #expect(SHA256().backend == SHA256.Backend.default)
    }

    @Test("KANSLI_SHA256_PORTABLE=1 (or true/yes) forces the portable default; unset or 0 does not")
    func environmentVariableForcesPortable() {
        typealias Backend = SHA256.Backend
        #expect(Backend.resolveDefault(environmentValue: "1", acceleratedAvailable: true) == .portable)
        #expect(Backend.resolveDefault(environmentValue: "TRUE", acceleratedAvailable: true) == .portable)
        #expect(Backend.resolveDefault(environmentValue: "yes", acceleratedAvailable: true) == .portable)
        #expect(Backend.resolveDefault(environmentValue: nil, acceleratedAvailable: true) == .accelerated)
        #expect(Backend.resolveDefault(environmentValue: "0", acceleratedAvailable: true) == .accelerated)
        #expect(Backend.resolveDefault(environmentValue: nil, acceleratedAvailable: false) == .portable)
        let forced = getenv(Backend.portableEnvironmentVariable).map { String(cString: $0) } == "1"
        if forced { #expect(Backend.default == .portable) }
    }

    #if os(Linux) && arch(x86_64)
    @Test("CPUID detection agrees with the kernel's sha_ni flag in /proc/cpuinfo")
    func detectionMatchesProcCPUInfo() throws {
        let text = try #require(readFile("/proc/cpuinfo"), "cannot read /proc/cpuinfo")
        let flags = text.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let kernelSaysSHA = flags.split(separator: " ").contains("sha_ni")
        #expect(SHA256.Backend.isAcceleratedAvailable == kernelSaysSHA)
    }

    private func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
    #endif
}
