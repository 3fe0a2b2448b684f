import KansliArguments
import Testing

/// The command lines the tests parse: a service's and the CLI's, as Kansli declares them.
enum Fixtures {
    static let registryService = CommandSpec(
        "kansli-registry",
        abstract: "Runs the Kansli registry service.",
        discussion: """
            Serves committees, parties and members over the Kansli protocol.

            """,
        options: [
            OptionSpec("port", value: "port", .defaulted("7401"), environment: "KANSLI_REGISTRY_PORT",
                       help: "TCP port to listen on; 0 picks a free one."),
            OptionSpec("host", value: "address", .defaulted("127.0.0.1"), help: "Address to listen on."),
            OptionSpec("data-dir", value: "dir", .required, help: "Directory of the database."),
            OptionSpec("keys", value: "file", .required, environment: "KANSLI_KEYS", help: "File of client keys."),
            OptionSpec("log-level", value: "level", .defaulted("info"), help: "debug, info, warning or error."),
            OptionSpec("allow", value: "address", .repeatable, help: "A client address to accept."),
        ],
        flags: [FlagSpec("read-only", help: "Refuse every write.")]
    )

    static let cli = CommandSpec(
        "kansli",
        abstract: "Talks to the Kansli services.",
        options: [
            OptionSpec("registry", value: "host:port", .defaulted("127.0.0.1:7401"), environment: "KANSLI_REGISTRY",
                       help: "Address of the registry service."),
            OptionSpec("key-id", value: "id", environment: "KANSLI_KEY_ID", help: "Id of the client key."),
            OptionSpec("secret-file", value: "file", environment: "KANSLI_SECRET_FILE",
                       help: "File holding the key's secret."),
            OptionSpec("timeout", value: "seconds", .defaulted("10"), help: "Seconds to wait for an answer."),
        ],
        flags: [FlagSpec("json", help: "Print JSON instead of text.")],
        subcommands: [
            CommandSpec("health", abstract: "Checks that the services answer."),
            CommandSpec("registry", abstract: "Committees, parties and members.", subcommands: [
                CommandSpec("committee", abstract: "Manages committees.", subcommands: [
                    CommandSpec("list", abstract: "Lists the committees."),
                    CommandSpec("show", abstract: "Shows one committee.",
                                options: [OptionSpec("on", value: "date", help: "As it was on this day.")],
                                positionals: [PositionalSpec("code", help: "The committee's code, e.g. NB.")]),
                ]),
                CommandSpec("party", abstract: "Manages the parties of a committee.", subcommands: [
                    CommandSpec("add", abstract: "Adds a party to a committee.",
                                discussion: "The organisationsnummer is Luhn-checked by the registry.",
                                options: [
                                    OptionSpec("committee", value: "code", .required, help: "The committee's code."),
                                    OptionSpec("name", value: "name", .required, help: "The municipality or region."),
                                    OptionSpec("org-number", value: "number", help: "Organisationsnummer."),
                                    OptionSpec("joined", value: "date", help: "The day the party joined."),
                                ],
                                flags: [FlagSpec("host", help: "The party is the host (värdkommun).")]),
                    CommandSpec("list", abstract: "Lists the parties of a committee.",
                                options: [OptionSpec("committee", value: "code", .required, help: "The committee's code.")]),
                ]),
                CommandSpec("import", abstract: "Imports a registry export.",
                            positionals: [PositionalSpec("file", help: "The export; - for standard input.")]),
                CommandSpec("export", abstract: "Writes a registry export.",
                            positionals: [PositionalSpec("dir", .defaulted("."), help: "Where to write it.")]),
            ]),
            CommandSpec("finance", abstract: "Budgets and invoices.", subcommands: [
                CommandSpec("split", abstract: "Splits an amount equally between parties.",
                            options: [
                                OptionSpec("party", value: "name", .oneOrMore, help: "A party to share it."),
                                OptionSpec("note", value: "text", .repeatable, help: "A line for the record."),
                                OptionSpec("amount", value: "kronor", .required, help: "The amount, whole kronor."),
                            ],
                            positionals: [
                                PositionalSpec("year", .optional, help: "The budget year."),
                                PositionalSpec("lines", .repeatable, help: "Budget lines to split."),
                            ]),
                CommandSpec("adjust", abstract: "Adjusts a party's share.",
                            positionals: [PositionalSpec("party", help: "The party."),
                                          PositionalSpec("kronor", help: "Change, may be negative.")]),
            ]),
            CommandSpec("documents", abstract: "Meetings, minutes and signatures.", subcommands: [
                CommandSpec("verify", abstract: "Verifies signed minutes.",
                            positionals: [PositionalSpec("protocol", .oneOrMore, help: "Protocol files.")]),
            ]),
        ]
    )

    /// The service's required options, so tests can add only what they are about.
    static let serviceBasics = ["--data-dir", "/var/lib/kansli", "--keys", "/etc/kansli/keys"]
}

/// Parses a command line that must parse to a command.
func command(
    _ spec: CommandSpec, _ arguments: [String], environment: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ParsedCommand {
    switch try spec.parse(arguments, environment: environment) {
    case .command(let parsed):
        return parsed
    case .helpRequested:
        Issue.record("expected a command, got help", sourceLocation: sourceLocation)
        throw HelpInstead()
    }
}

/// Parses a command line that must ask for help, giving the text.
func help(
    _ spec: CommandSpec, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation
) throws -> String? {
    guard case .helpRequested(let text) = try spec.parse(arguments, environment: [:]) else {
        Issue.record("expected help, got a command", sourceLocation: sourceLocation)
        return nil
    }
    return text
}

/// Parses a command line that must fail, giving the error.
func failure(
    _ spec: CommandSpec, _ arguments: [String], environment: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
) -> ArgumentError? {
    do {
        let result = try spec.parse(arguments, environment: environment)
        Issue.record("expected an error, got \(result)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Thrown by `command(_:_:)` when help came back instead.
struct HelpInstead: Error {}

/// Whether a process an exit test ran stopped with a KansliArguments precondition naming
/// `problem`. Release builds drop precondition messages, so there only the stop itself counts.
func stopped(_ result: ExitTest.Result?, saying problem: String) -> Bool {
    guard let result else { return false }
    #if DEBUG
    let text = String(decoding: result.standardErrorContent, as: UTF8.self)
    return text.contains("KansliArguments: ") && text.contains(problem)
    #else
    return true
    #endif
}
