import KansliArguments
import KansliProtocol

/// The `kansli` program: builds the command tree, parses, runs the chosen command, and maps the
/// outcome to an exit status.
///
/// Exit status: 0 success; 1 the service refused the request (validation, not found, conflict …);
/// 64 the command line is wrong; 69 a service could not be reached or timed out; 77 the
/// credential was refused.
public enum KansliCommandLine {
    /// The command groups, in the order help lists them.
    static var groups: [CommandGroup] {
        CommonCommands.groups + RegistryCommands.groups + FinanceCommands.groups + DocumentsCommands.groups + ProtocolCommands.groups + KeyCommands.groups
    }

    /// The whole command tree.
    public static var spec: CommandSpec {
        CommandSpec(
            "kansli", abstract: "The command-line client of Kansli, the back office of joint municipal committees.",
            discussion: """
                Talks to the three services over Kansli's binary protocol. Credentials come from
                --key-file, KANSLI_KEY_FILE, or KANSLI_KEY_ID and KANSLI_SECRET (hex).
                """,
            options: [
                OptionSpec("registry", value: "host:port", .defaulted("127.0.0.1:7401"), environment: "KANSLI_REGISTRY",
                           help: "Address of kansli-registry."),
                OptionSpec("finance", value: "host:port", .defaulted("127.0.0.1:7402"), environment: "KANSLI_FINANCE",
                           help: "Address of kansli-finance."),
                OptionSpec("documents", value: "host:port", .defaulted("127.0.0.1:7403"), environment: "KANSLI_DOCUMENTS",
                           help: "Address of kansli-documents."),
                OptionSpec("key-file", value: "file", environment: "KANSLI_KEY_FILE",
                           help: "Client key file: one line `key-id secret-hex`."),
                OptionSpec("timeout", value: "seconds", .defaulted("10"), help: "Deadline of each call, retries included."),
            ],
            flags: [FlagSpec("json", help: "Print JSON instead of text.")],
            subcommands: groups.map(\.spec))
    }

    /// Runs `kansli` with `arguments` (without the program name) and returns the exit status; a
    /// failure is printed (as one JSON object with `--json`) and mapped to the exit statuses
    /// `CLIFailure` lists.
    public static func run(_ arguments: [String], environment: [String: String], output: Output) -> Int32 {
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
