/// The chain of commands from the root to the one reached so far, and the options and flags
/// that chain makes available (a command's options apply to all of its subcommands).
struct CommandScope: Sendable {
    /// Root first, the command reached last.
    private(set) var chain: [CommandSpec]

    init(root: CommandSpec) {
        chain = [root]
    }

    /// Follows `path` (subcommand names below the root); `nil` if a name does not exist.
    init?(root: CommandSpec, path: [String]) {
        self.init(root: root)
        for name in path {
            guard let next = current.subcommand(named: name) else { return nil }
            descend(into: next)
        }
    }

    var current: CommandSpec { chain[chain.count - 1] }

    /// The subcommand names chosen below the root.
    var path: [String] { chain.dropFirst().map(\.name) }

    /// How the command is typed, e.g. `"kansli registry party add"`.
    var displayName: String { chain.map(\.name).joined(separator: " ") }

    mutating func descend(into subcommand: CommandSpec) {
        chain.append(subcommand)
    }

    /// Options declared by the command reached, then by its ancestors from the root down.
    var ownOptions: [OptionSpec] { current.options }
    var ownFlags: [FlagSpec] { current.flags }
    var inheritedOptions: [OptionSpec] { chain.dropLast().flatMap(\.options) }
    var inheritedFlags: [FlagSpec] { chain.dropLast().flatMap(\.flags) }

    /// Every option in reach, root first, in declaration order.
    var allOptions: [OptionSpec] { chain.flatMap(\.options) }

    func option(named name: String) -> OptionSpec? {
        for command in chain.reversed() {
            if let option = command.options.first(where: { $0.name == name }) { return option }
        }
        return nil
    }

    func flag(named name: String) -> FlagSpec? {
        for command in chain.reversed() {
            if let flag = command.flags.first(where: { $0.name == name }) { return flag }
        }
        return nil
    }

    /// Every name `--name` may take here, for suggestions.
    var acceptedNames: [String] {
        chain.flatMap { $0.options.map(\.name) + $0.flags.map(\.name) } + [SpecRules.reservedName]
    }
}
