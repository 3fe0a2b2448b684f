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
