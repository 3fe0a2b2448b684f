import Foundation

/// Runs python3 as an independent reference (`hashlib`, `hmac`, `zoneinfo`, `json`,
/// `cryptography`) for the oracle tests of every test target.
public enum Python {
    /// Why python3 gave no answer.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// The path of `python3` on `PATH`, or nil when it is not installed: the oracle tests are
    /// then reported as skipped with that reason, never passed.
    public static let executablePath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `script` with `input` on standard input and returns standard output.
    ///
    /// The script must read all of its input before writing, so that writing first cannot deadlock.
    public static func run(_ script: String, input: [UInt8]) throws -> [UInt8] {
        guard let executablePath else { throw Failure(description: "python3 is not on PATH") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 exited with \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
        }
        return Array(output)
    }

    /// Runs `script` on lines of text and returns its output lines.
    public static func lines(_ script: String, input: [String]) throws -> [String] {
        let output = try run(script, input: Array((input.joined(separator: "\n") + "\n").utf8))
        return String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }
}
