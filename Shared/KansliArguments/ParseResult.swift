/// What a command line asks for: run a command, or show help.
public enum ParseResult: Sendable {
    /// Run this command with these values.
    case command(ParsedCommand)
    /// `-h` or `--help` was given: print this text to standard output and exit successfully.
    case helpRequested(String)
}
