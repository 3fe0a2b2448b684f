/// A part of the command tree with the handlers that run its leaves, keyed by the path of
/// subcommand names below the root (e.g. `["registry", "party", "list"]`).
public struct CommandGroup {
    public typealias Handler = (CLIContext) throws -> Void

    public let spec: KansliArguments.CommandSpec
    public let handlers: [[String]: Handler]

    public init(spec: KansliArguments.CommandSpec, handlers: [[String]: Handler]) {
        self.spec = spec
        self.handlers = handlers
    }
}

import KansliArguments

extension CommandGroup {
    /// One command with the handler that runs it.
    struct Leaf {
        let spec: CommandSpec
        let run: Handler
    }

    /// `kansli ROOT NAME …`: a command `name` below `root` whose subcommands are `leaves`.
    static func kind(root: String, _ name: String, abstract: String, _ leaves: [Leaf]) -> CommandGroup {
        var handlers: [[String]: Handler] = [:]
        for leaf in leaves { handlers[[root, name, leaf.spec.name]] = leaf.run }
        return CommandGroup(spec: CommandSpec(name, abstract: abstract, subcommands: leaves.map(\.spec)), handlers: handlers)
    }

    /// `kansli NAME`, with `parts` below it.
    static func root(_ name: String, abstract: String, discussion: String, parts: [CommandGroup]) -> CommandGroup {
        var handlers: [[String]: Handler] = [:]
        for part in parts { handlers.merge(part.handlers) { first, _ in first } }
        return CommandGroup(spec: CommandSpec(name, abstract: abstract, discussion: discussion, subcommands: parts.map(\.spec)),
                            handlers: handlers)
    }
}
