extension CommandSpec {
    /// The help of this command, or of the subcommand at `path` below it (e.g.
    /// `["registry", "party"]`): the same text `--help` gives there. Stops the process if `path`
    /// names no subcommand.
    public func helpText(for path: [String] = []) -> String {
        guard let scope = CommandScope(root: self, path: path) else {
            preconditionFailure("KansliArguments: \(name) has no subcommand \(path.joined(separator: " "))")
        }
        return HelpText.render(scope)
    }

    /// The usage line of this command or of the subcommand at `path`, e.g.
    /// `Usage: kansli registry import [options] <file>`. Stops the process if `path` names no
    /// subcommand.
    public func usage(for path: [String] = []) -> String {
        guard let scope = CommandScope(root: self, path: path) else {
            preconditionFailure("KansliArguments: \(name) has no subcommand \(path.joined(separator: " "))")
        }
        return HelpText.usage(scope)
    }
}
