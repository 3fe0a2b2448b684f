/// A mistake on the command line: which option or argument, what was expected, and where.
///
/// `message` is one line that starts with what is wrong, e.g.
/// `--port: expected an integer between 0 and 65535, got "70000"`. `report` adds the usage line
/// and a pointer to `--help`, ready to print to standard error.
public struct ArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of mistake: stable, comparable, and open to new kinds without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case unknownOption = "unknown_option"
            case missingValue = "missing_value"
            case unexpectedValue = "unexpected_value"
            case duplicateOption = "duplicate_option"
            case missingOption = "missing_option"
            case invalidValue = "invalid_value"
            case unknownSubcommand = "unknown_subcommand"
            case missingSubcommand = "missing_subcommand"
            case unexpectedArgument = "unexpected_argument"
            case missingArgument = "missing_argument"
        }

        private let value: Value

        private init(_ value: Value) {
            self.value = value
        }

        /// An option name the command does not declare, or an unsupported short option.
        public static let unknownOption = Code(.unknownOption)
        /// An option that takes a value was given without one.
        public static let missingValue = Code(.missingValue)
        /// A flag was given a value (`--json=yes`).
        public static let unexpectedValue = Code(.unexpectedValue)
        /// An option that is not repeatable was given more than once.
        public static let duplicateOption = Code(.duplicateOption)
        /// A required option is absent from the command line and its environment variable.
        public static let missingOption = Code(.missingOption)
        /// A value is not what the option expects (not an integer, out of range, not a date …).
        public static let invalidValue = Code(.invalidValue)
        /// A word that is not one of the command's subcommands.
        public static let unknownSubcommand = Code(.unknownSubcommand)
        /// A command that only groups subcommands was given none.
        public static let missingSubcommand = Code(.missingSubcommand)
        /// More positional arguments than the command takes.
        public static let unexpectedArgument = Code(.unexpectedArgument)
        /// A required positional argument is absent.
        public static let missingArgument = Code(.missingArgument)

        /// The stable snake_case name of the code, e.g. `unknown_option`.
        public var description: String { value.rawValue }
    }

    /// The kind of mistake.
    public let code: Code
    /// One line naming the culprit and what was expected.
    public let message: String
    /// How the command the mistake belongs to is typed, e.g. `kansli registry party add`.
    public let command: String
    /// The usage line of that command, e.g. `Usage: kansli registry import [options] <file>`.
    public let usage: String

    /// Creates an error; the parser and `ParsedCommand` do this, tests may too.
    public init(code: Code, message: String, command: String, usage: String) {
        self.code = code
        self.message = message
        self.command = command
        self.usage = usage
    }

    /// The message alone.
    public var description: String { message }

    /// What to print to standard error: the message, the usage line, and where to find help.
    public var report: String {
        "error: \(message)\n\(usage)\nRun '\(command) --help' for more information.\n"
    }
}
