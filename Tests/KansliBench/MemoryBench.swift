import Foundation
import KansliCoding
import KansliCrypto
import KansliProtocol
import KansliTransport
import RegistryAPI

/// Resident memory of each service process, idle and after 200 calls, beside a bare
/// length-prefixed TCP echo process (`kansli-bench-echo`, standard library and Glibc only)
/// measured the same way in the same run (issue 6: an idle service should be at most 12 MiB).
/// Also which Foundation libraries each service binary links, so the report shows what remains.
enum MemoryBench {
    /// `VmRSS` (resident now) and `VmHWM` (the peak resident) of a process, in KiB.
    struct Memory {
        var residentKiB: Int
        var peakKiB: Int
    }

    /// One process's figures.
    struct Row {
        var name: String
        var idle: Memory
        var afterCalls: Memory
        var calls: String
    }

    /// Reads `VmRSS` and `VmHWM` from `/proc/<pid>/status`.
    static func memory(of pid: Int32) throws -> Memory {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func field(_ name: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }
                .flatMap { Int($0) }
        }
        guard let resident = field("VmRSS"), let peak = field("VmHWM") else {
            throw ServiceError(.internal, "no VmRSS/VmHWM in /proc/\(pid)/status")
        }
        return Memory(residentKiB: resident, peakKiB: peak)
    }

    /// A started process and the directory it keeps its files in.
    final class Started {
        let process: Process
        let directory: String
        let port: Int

        init(executable: String, arguments: (String) -> [String], readyFile: (String) -> String) throws {
            directory = NSTemporaryDirectory() + "kansli-bench-memory-\(getpid())-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments(directory)
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var port: Int?
            for _ in 0..<1_000 where port == nil {
                if let text = try? String(contentsOfFile: readyFile(directory), encoding: .utf8) {
                    port = text.split(separator: "\n").first { $0.hasPrefix("port=") }.flatMap { Int($0.dropFirst(5)) }
                }
                if port == nil { Thread.sleep(forTimeInterval: 0.01) }
            }
            guard let port else {
                process.terminate()
                throw ServiceError(.unavailable, "\(executable) did not become ready")
            }
            self.port = port
            // Let start-up threads (log flusher, accept loop) reach their idle wait.
            Thread.sleep(forTimeInterval: 0.3)
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    static func run(calls: Int) throws {
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let credential = try ClientCredential(keyID: "bench", secret: secret)
        var rows: [Row] = []

        // The baseline: a bare echo, sent payloads the size of a composition answer.
        var payloadSize = 4096
        for service in ["registry", "finance", "documents"] {
            let started = try Started(
                executable: "\(binDirectory)/kansli-\(service)",
                arguments: { directory in
                    let keys = "\(directory)/keys"
                    _ = FileManager.default.createFile(atPath: keys, contents: Data((credential.serverKeyLine(forService: service, role: .admin) + "\n").utf8),
                                                       attributes: [.posixPermissions: 0o600])
                    return ["--port", "0", "--data-dir", directory, "--keys", keys, "--log-level", "warning"]
                },
                readyFile: { "\($0)/\(service).ready" })
            defer { started.stop() }
            let idle = try memory(of: started.process.processIdentifier)
            let client = ServiceClient(host: "127.0.0.1", port: started.port, credential: credential)
            let what: String
            if service == "registry" {
                _ = try client.call(RegistryMethods.importCommittee, ImportRequest(file: try RegistryBench.committee()))
                let request = CompositionRequest(committee: "BENCH", on: CalendarDate("2022-06-22")!)
                for _ in 0..<calls {
                    let composition = try client.call(RegistryMethods.composition, request)
                    payloadSize = try BinaryEncoder().encode(composition).count
                }
                what = "\(calls) × registry.composition (30 parties, 120 persons)"
            } else {
                for _ in 0..<calls { _ = try client.call(CommonMethods.health, HealthRequest()) }
                what = "\(calls) × health"
            }
            rows.append(Row(name: "kansli-\(service)", idle: idle,
                            afterCalls: try memory(of: started.process.processIdentifier), calls: what))
        }

        let echo = try Started(executable: "\(binDirectory)/kansli-bench-echo", arguments: { ["\($0)/echo.ready"] },
                               readyFile: { "\($0)/echo.ready" })
        defer { echo.stop() }
        let echoIdle = try memory(of: echo.process.processIdentifier)
        let socket = try Socket.connect(host: "127.0.0.1", port: echo.port, timeout: 5)
        defer { socket.close() }
        let frame = withUnsafeBytes(of: UInt32(payloadSize).bigEndian, Array.init) + [UInt8](repeating: 0x5A, count: payloadSize)
        var buffer = [UInt8](repeating: 0, count: frame.count)
        for _ in 0..<calls { try RoundTripBench.bareRoundTrip(socket, frame, &buffer) }
        let echoRow = Row(name: "kansli-bench-echo (baseline)", idle: echoIdle,
                          afterCalls: try memory(of: echo.process.processIdentifier),
                          calls: "\(calls) × \(payloadSize)-byte echo")

        print("\n## Memory: resident set of each process (VmRSS now, VmHWM peak; MiB), beside a bare echo")
        print("| process | idle VmRSS | idle VmHWM | idle VmHWM ÷ echo | after calls | VmRSS | VmHWM | VmHWM ÷ echo |")
        print("|---|---|---|---|---|---|---|---|")
        for row in rows + [echoRow] {
            print("| \(row.name) | \(mib(row.idle.residentKiB)) | \(mib(row.idle.peakKiB)) | "
                  + "\(ratio(row.idle.peakKiB, echoRow.idle.peakKiB)) | \(row.calls) | \(mib(row.afterCalls.residentKiB)) | "
                  + "\(mib(row.afterCalls.peakKiB)) | \(ratio(row.afterCalls.peakKiB, echoRow.afterCalls.peakKiB)) |")
        }
        print("Goal (issue 6): an idle service at most 12 MiB.")

        print("\n## Foundation libraries each binary links (ldd)")
        for binary in ["kansli-registry", "kansli-finance", "kansli-documents", "kansli-bench-echo"] {
            print("- \(binary): \(foundationLibraries(of: "\(binDirectory)/\(binary)"))")
        }
    }

    static func mib(_ kib: Int) -> String { String(format: "%.1f", Double(kib) / 1024) }

    static func ratio(_ value: Int, _ baseline: Int) -> String {
        baseline > 0 ? String(format: "%.2f×", Double(value) / Double(baseline)) : "–"
    }

    /// The Foundation (and ICU) libraries `ldd` lists for `binary`, or "none".
    static func foundationLibraries(of binary: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [binary]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "ldd not available" }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let names = text.split(separator: "\n")
            .compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) }
            .filter { $0.contains("Foundation") || $0.contains("icu") }
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }
}
