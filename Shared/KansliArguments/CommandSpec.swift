/// A command, or one level of nested subcommands, as a value: its name, help texts, options,
/// flags, and either positional arguments or subcommands.
///
/// ```swift
/// let cli = CommandSpec("kansli", abstract: "Talks to the Kansli services.",
///     options: [OptionSpec("registry", value: "host:port", .required, environment: "KANSLI_REGISTRY",
///                          help: "Address of the registry service.")],
///     flags: [FlagSpec("json", help: "Print JSON instead of text.")],
///     subcommands: [CommandSpec("health", abstract: "Checks that the services answer.")])
/// ```
///
/// The initializer checks the declaration (unique names, no option repeated in a subcommand, no
/// required positional after an optional one …) and stops the process if it is malformed.
public struct CommandSpec: Sendable, Hashable {
    /// The name typed on the command line; for the root command, the program's name.
    public let name: String
    /// What the command does, in one line; shown in help and in its parent's subcommand list.
    public let abstract: String
    /// Longer help shown below the abstract, printed as written; may be empty.
    public let discussion: String
    /// The options that take a value; they also apply to every subcommand.
    public let options: [OptionSpec]
    /// The flags; they also apply to every subcommand.
    public let flags: [FlagSpec]
    /// The positional arguments, in order; empty when the command has subcommands.
    public let positionals: [PositionalSpec]
    /// The subcommands, in the order help lists them; a command with subcommands cannot run
    /// by itself.
    public let subcommands: [CommandSpec]

    /// Declares a command.
    ///
    /// - Parameters:
    ///   - name: The name on the command line (the program's name for the root).
    ///   - abstract: One line saying what the command does.
    ///   - discussion: Further help text, printed as written (keep lines under 80 columns).
    ///   - options: Options that take a value.
    ///   - flags: Options without a value.
    ///   - positionals: Positional arguments; only for commands without subcommands.
    ///   - subcommands: Subcommands; only for commands without positional arguments.
    public init(
        _ name: String,
        abstract: String,
        discussion: String = "",
        options: [OptionSpec] = [],
        flags: [FlagSpec] = [],
        positionals: [PositionalSpec] = [],
        subcommands: [CommandSpec] = []
    ) {
        SpecRules.requireValidName(name, what: "command")
        SpecRules.requireOneLine(abstract, what: "abstract of \(name)")
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.flags = flags
        self.positionals = positionals
        self.subcommands = subcommands
        SpecRules.requireConsistent(self)
    }

    /// The subcommand with this name, if any.
    public func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
