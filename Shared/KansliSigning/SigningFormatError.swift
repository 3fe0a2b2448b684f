/// Why a statement or a log entry is not in the exact form docs/SIGNING.md defines, naming the
/// line (1-based) and what was expected there.
public struct SigningFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line the problem is on (1-based), or 0 for the text as a whole.
    public let line: Int
    /// What is wrong, in words a person can act on.
    public let message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line == 0 ? message : "line \(line): \(message)" }
}
