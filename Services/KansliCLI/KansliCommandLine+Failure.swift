import KansliArguments
import KansliProtocol

// `kansli` as `KansliCommandLine.run` should run it once failures are reported through
// `CLIFailure`: the same parsing and dispatch, with the exit statuses of local problems (65, 66,
// 73, 78) and, with `--json`, a machine-readable error object. It lives in its own file because
// KansliCommandLine.swift belongs to the CLI's runtime; `run` can become a call of `execute`.
extension KansliCommandLine {
    /// Runs `kansli` with `arguments` (without the program name) and returns the exit status;
    /// a failure is printed and mapped by `CLIFailure.fail`.
    public static func execute(_ arguments: [String], environment: [String: String], output: Output) -> Int32 {
        let parsed: ParsedCommand
        do {
            switch try spec.parse(arguments, environment: environment) {
            case .helpRequested(let text):
                output.line(text)
                return 0
            case .command(let command):
                parsed = command
            }
        } catch {
            return CLIFailure.fail(error, json: CLIFailure.wantsJSON(arguments), output: output)
        }
        var handlers: [[String]: CommandGroup.Handler] = [:]
        for group in groups { handlers.merge(group.handlers) { first, _ in first } }
        guard let handler = handlers[parsed.path] else {
            let path = parsed.path.joined(separator: " ")
            let error = ArgumentError(code: .missingSubcommand,
                                      message: "kansli \(path) needs a subcommand; see kansli \(path) --help",
                                      command: "kansli \(path)", usage: spec.usage(for: parsed.path))
            return CLIFailure.fail(error, json: parsed.flag("json"), output: output)
        }
        let context = CLIContext(command: parsed, environment: environment, output: output)
        do {
            try handler(context)
            return 0
        } catch {
            return CLIFailure.fail(error, json: parsed.flag("json"), output: output)
        }
    }
}
