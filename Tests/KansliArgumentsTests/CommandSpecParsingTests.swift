import Glibc
import KansliArguments
import Testing

@Suite("CommandSpec.parseCommandLine")
struct CommandSpecParsingTests {
    /// The test runner's own command line is whatever it is; the point is that
    /// `parseCommandLine()` sees it exactly as `parse` does after dropping the program's name.
    @Test func parsesTheProcessArgumentsWithoutTheProgramName() {
        let spec = CommandSpec("runner", abstract: "Stands in for the test runner.",
                               options: [OptionSpec("home", value: "dir", .required, environment: "HOME", help: "")],
                               positionals: [PositionalSpec("rest", .repeatable, help: "")])
        let expected = outcome { () throws(ArgumentError) in
            // HOME read with getenv, independently of how parseCommandLine reads the environment.
            try spec.parse(Array(CommandLine.arguments.dropFirst()),
                           environment: getenv("HOME").map { ["HOME": String(cString: $0)] } ?? [:])
        }
        #expect(outcome { () throws(ArgumentError) in try spec.parseCommandLine() } == expected)
    }

    private func outcome(_ body: () throws(ArgumentError) -> ParseResult) -> String {
        do {
            switch try body() {
            case .command(let parsed): return "command \(parsed.positionals) \(parsed.stringIfPresent("home") ?? "-")"
            case .helpRequested(let text): return "help \(text)"
            }
        } catch {
            return "error \(error.code) \(error.message)"
        }
    }
}
