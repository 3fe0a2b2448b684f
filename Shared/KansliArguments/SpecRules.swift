/// The checks a spec must pass when it is built. A failure is a programming error, so it stops
/// the process with a message that names the culprit instead of surfacing to the user.
enum SpecRules {
    /// The names `-h` and `--help` are always the help request.
    static let reservedName = "help"

    /// Names are lowercase ASCII letters, digits and hyphens, starting with a letter or digit and
    /// not ending with a hyphen, so that `--name`, `<name>` and suggestions are unambiguous.
    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"),
              last != UInt8(ascii: "-"), bytes.count <= 64 else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }

    static func requireValidName(_ name: String, what: String) {
        precondition(isValidName(name),
                     "KansliArguments: \(what) name \"\(name)\" must be lowercase letters, digits and inner hyphens")
        precondition(name != reservedName, "KansliArguments: \(what) name \"help\" is reserved")
    }

    static func requireOneLine(_ text: String, what: String) {
        precondition(!text.contains(where: \.isNewline), "KansliArguments: \(what) must be one line")
    }

    /// Checks the parts of one command against each other and its subtree against its options.
    static func requireConsistent(_ command: CommandSpec) {
        let where_ = "command \"\(command.name)\""
        var names = Set<String>()
        for name in command.options.map(\.name) + command.flags.map(\.name) {
            precondition(names.insert(name).inserted, "KansliArguments: \(where_) declares --\(name) twice")
        }
        var subcommandNames = Set<String>()
        for subcommand in command.subcommands {
            precondition(subcommandNames.insert(subcommand.name).inserted,
                         "KansliArguments: \(where_) declares subcommand \"\(subcommand.name)\" twice")
            requireNoneRedeclared(names, in: subcommand, under: where_)
        }
        precondition(command.subcommands.isEmpty || command.positionals.isEmpty,
                     "KansliArguments: \(where_) cannot have both subcommands and positional arguments")
        var positionalNames = Set<String>()
        var sawNotRequired = false
        var sawOptional = false
        for (index, positional) in command.positionals.enumerated() {
            precondition(positionalNames.insert(positional.name).inserted,
                         "KansliArguments: \(where_) declares <\(positional.name)> twice")
            precondition(!positional.occurrence.isMultiple || index == command.positionals.count - 1,
                         "KansliArguments: \(where_): only the last positional argument may repeat")
            precondition(!(sawNotRequired && positional.occurrence.isRequired),
                         "KansliArguments: \(where_): required <\(positional.name)> follows an optional one")
            // Defaults fill positions in order, so none may sit behind a gap an optional one leaves.
            precondition(!(sawOptional && positional.occurrence.defaultValue != nil),
                         "KansliArguments: \(where_): defaulted <\(positional.name)> follows an optional one")
            sawNotRequired = sawNotRequired || !positional.occurrence.isRequired
            sawOptional = sawOptional || positional.occurrence == .optional
        }
    }

    /// Options apply to every subcommand below, so a subcommand may not declare the same name.
    private static func requireNoneRedeclared(_ names: Set<String>, in command: CommandSpec, under owner: String) {
        for name in command.options.map(\.name) + command.flags.map(\.name) {
            precondition(!names.contains(name),
                         "KansliArguments: subcommand \"\(command.name)\" redeclares --\(name) of \(owner)")
        }
        for subcommand in command.subcommands {
            requireNoneRedeclared(names, in: subcommand, under: owner)
        }
    }
}
