import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport

/// A Kansli service executable started as a real process on a free port (`--port 0`), for
/// integration tests. The port comes from the service's ready file.
public final class ServiceProcess: @unchecked Sendable {
    // @unchecked Sendable: `process` is only mutated in `init`; `Process` itself is thread-safe
    // for the calls used here (terminate, signalling by pid, waitUntilExit).
    public let name: String
    public let port: Int
    public let dataDirectory: String
    public let keys: TestKeys
    private let process: Process

    /// The directory holding the built executables: `KANSLI_BIN_DIR`, else the directory of the
    /// running test bundle, else `.build/debug` of this package.
    public static var binDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["KANSLI_BIN_DIR"] { return directory }
        var candidates: [String] = []
        for argument in CommandLine.arguments where argument.contains(".xctest") {
            var url = URL(fileURLWithPath: argument)
            while url.pathComponents.count > 1 && url.lastPathComponent.hasSuffix(".xctest") == false {
                url.deleteLastPathComponent()
            }
            candidates.append(url.deletingLastPathComponent().path)
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path)
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: "\($0)/kansli-registry") }
            ?? candidates.last!
    }

    /// Starts `kansli-<name>` with a fresh data directory (or `dataDirectory`, to restart on the
    /// same database), waits until its ready file appears, and reads the port from it. `port` 0
    /// (the default) takes a free one; another restarts a service where its peers expect it.
    public init(_ name: String, keys: TestKeys? = nil, dataDirectory: String? = nil,
                port requestedPort: Int = 0, logLevel: String = "warning", keyFileMode: Int = 0o600, extraArguments: [String] = [],
                environment: [String: String] = [:], timeout: Double = 30) throws {
        self.name = name
        self.keys = try keys ?? TestKeys()
        self.dataDirectory = try dataDirectory ?? TemporaryDirectory(name).path
        // The service's own key file: the secrets derived for it alone.
        let keyFile = "\(self.dataDirectory)/server-keys"
        try self.keys.serverKeyFile(forService: name).write(toFile: keyFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: keyFileMode], ofItemAtPath: keyFile)
        let readyFile = "\(self.dataDirectory)/\(name).ready"
        try? FileManager.default.removeItem(atPath: readyFile)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "\(ServiceProcess.binDirectory)/kansli-\(name)")
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.arguments = ["--port", String(requestedPort), "--data-dir", self.dataDirectory, "--keys", keyFile,
                             "--log-level", logLevel] + extraArguments
        let logPath = "\(self.dataDirectory)/\(name).log"
        if !FileManager.default.fileExists(atPath: logPath) {
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        }
        guard let log = FileHandle(forWritingAtPath: logPath) else {
            throw ServiceError(.internal, "cannot open \(logPath)")
        }
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()

        let deadline = Date().addingTimeInterval(timeout)
        var port: Int?
        while Date() < deadline {
            if let text = try? String(contentsOfFile: readyFile, encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("port=") }) {
                port = Int(line.dropFirst(5))
                break
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard let port else {
            process.terminate()
            let logText = (try? String(contentsOfFile: "\(self.dataDirectory)/\(name).log", encoding: .utf8)) ?? ""
            throw ServiceError(.unavailable, "kansli-\(name) did not become ready; log:\n\(logText)")
        }
        self.port = port
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    public var isRunning: Bool { process.isRunning }

    /// A client with `credential` (the admin key by default).
    public func client(_ credential: ClientCredential? = nil, options: ClientOptions = ClientOptions()) -> ServiceClient {
        ServiceClient(host: "127.0.0.1", port: port, credential: credential ?? keys.admin, options: options)
    }

    /// Sends SIGTERM and waits for the exit; returns the exit status.
    @discardableResult
    public func terminate(timeout: Double = 20) -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        return waitForExit(timeout: timeout)
    }

    /// Sends SIGKILL (no chance to clean up) and waits for the exit.
    public func killHard() {
        kill(process.processIdentifier, SIGKILL)
        _ = waitForExit(timeout: 10)
    }

    private func waitForExit(timeout: Double) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    /// The process's resident memory now, in bytes (`VmRSS` of /proc/<pid>/status), or nil.
    public var residentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// The service's log so far.
    public var logText: String {
        (try? String(contentsOfFile: "\(dataDirectory)/\(name).log", encoding: .utf8)) ?? ""
    }

    /// `--<peer>-address` for each peer and `--peer-key-file` with the read key.
    public static func peerArguments(_ keys: TestKeys, directory: TemporaryDirectory, addresses: [String: Int]) throws -> [String] {
        let keyFile = directory.file("peer-\(UUID().uuidString).key")
        try "\(keys.reader.keyID) \(Hex.encode(keys.reader.secret))\n".write(toFile: keyFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        return addresses.sorted { $0.key < $1.key }.flatMap { ["--\($0.key)-address", "127.0.0.1:\($0.value)"] }
            + ["--peer-key-file", keyFile, "--peer-timeout", "2"]
    }
}
