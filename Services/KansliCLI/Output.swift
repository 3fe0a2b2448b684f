import Foundation
import Synchronization

/// Where the CLI writes: standard output and standard error, or buffers in tests.
public final class Output: Sendable {
    private let sink: @Sendable (_ text: String, _ isError: Bool) -> Void

    /// Writes to `sink`; the flag says whether the text is for standard error.
    public init(_ sink: @escaping @Sendable (_ text: String, _ isError: Bool) -> Void) {
        self.sink = sink
    }

    /// The process's standard output and standard error.
    public static let standard = Output { text, isError in
        (isError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
    }

    /// Prints a line to standard output.
    public func line(_ text: String = "") { sink(text + "\n", false) }

    /// Prints a line to standard error.
    public func error(_ text: String) { sink(text + "\n", true) }

    /// Prints `value` to standard error as one line of JSON with sorted keys: the machine-readable
    /// error of `--json` (`CLIFailure.Report`).
    public func errorJSON<Value: Encodable>(_ value: Value) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
            ?? #"{"code":"internal","message":"the error could not be written as JSON"}"#
        error(text)
    }

    /// An output that collects what is written, for tests.
    public static func capturing() -> (Output, @Sendable () -> (out: String, err: String)) {
        let buffer = Mutex<(out: String, err: String)>(("", ""))
        let output = Output { text, isError in
            buffer.withLock { isError ? ($0.err += text) : ($0.out += text) }
        }
        return (output, { buffer.withLock { $0 } })
    }
}
