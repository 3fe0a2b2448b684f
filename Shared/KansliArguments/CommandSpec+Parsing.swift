import KansliPlatform

extension CommandSpec {
    /// Parses a command line against this spec.
    ///
    /// - Parameters:
    ///   - arguments: The arguments WITHOUT the program's name, e.g.
    ///     `Array(CommandLine.arguments.dropFirst())`.
    ///   - environment: The environment to read option fallbacks from; pass `[:]` for none.
    /// - Returns: The command to run, or the help text if `-h`/`--help` was given.
    /// - Throws: `ArgumentError` for every mistake on the command line.
    public func parse(_ arguments: [String], environment: [String: String]) throws(ArgumentError) -> ParseResult {
        var parser = Parser(root: self, arguments: arguments, environment: environment)
        return try parser.run()
    }

    /// Parses this process's own arguments (without the program's name) and environment.
    public func parseCommandLine() throws(ArgumentError) -> ParseResult {
        try parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessEnvironment.current())
    }
}
