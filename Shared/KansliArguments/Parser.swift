/// One pass over the arguments, left to right. Words choose subcommands until a command without
/// subcommands is reached, then become its positional arguments; options may appear anywhere.
struct Parser {
    private let arguments: [String]
    private let environment: [String: String]
    private var scope: CommandScope
    private var values: [String: [OptionValue]] = [:]
    private var flags: Set<String> = []
    private var positionals: [String] = []
    private var index = 0
    private var optionsEnded = false

    init(root: CommandSpec, arguments: [String], environment: [String: String]) {
        self.arguments = arguments
        self.environment = environment
        self.scope = CommandScope(root: root)
    }

    mutating func run() throws(ArgumentError) -> ParseResult {
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if !optionsEnded && token == "--" {
                optionsEnded = true
            } else if !optionsEnded && Self.isHelp(token) {
                return .helpRequested(HelpText.render(scope))
            } else {
                do {
                    if optionsEnded || !Self.looksLikeOption(token) { try word(token) } else { try option(token) }
                } catch {
                    // Someone asking for help on a broken command line gets help, not the error.
                    if helpFollows() { return .helpRequested(HelpText.render(scope)) }
                    throw error
                }
            }
        }
        guard scope.current.subcommands.isEmpty else {
            let names = scope.current.subcommands.map(\.name).joined(separator: ", ")
            throw error(.missingSubcommand, "\(scope.displayName): expected a subcommand: \(names)")
        }
        try settleOptions()
        try settlePositionals()
        return .command(ParsedCommand(scope: scope, values: values, flags: flags, positionals: positionals))
    }

    // MARK: - Tokens

    static func isHelp(_ token: String) -> Bool { token == "--help" || token == "-h" }

    /// `-` alone (standard input, by convention) and negative numbers are words, not options.
    static func looksLikeOption(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1 else { return false }
        return !("0"..."9").contains(token[token.index(after: token.startIndex)])
    }

    private func helpFollows() -> Bool {
        let rest = arguments[index...]
        let beforeEnd = optionsEnded ? rest.prefix(0) : rest.prefix { $0 != "--" }
        return beforeEnd.contains(where: Self.isHelp)
    }

    private mutating func word(_ token: String) throws(ArgumentError) {
        let command = scope.current
        if !command.subcommands.isEmpty {
            guard let subcommand = command.subcommand(named: token) else {
                let names = command.subcommands.map(\.name)
                let hint = EditDistance.suggestion(for: token, among: names).map { "; did you mean \($0)?" } ?? "."
                throw error(.unknownSubcommand, "\"\(token)\": unknown subcommand of \(scope.displayName)"
                                + "\(hint) Expected one of: \(names.joined(separator: ", "))")
            }
            scope.descend(into: subcommand)
        } else if positionals.count < command.positionals.count
                    || command.positionals.last?.occurrence.isMultiple == true {
            positionals.append(token)
        } else {
            let takes = command.positionals.isEmpty ? "no arguments" : "at most \(command.positionals.count)"
            throw error(.unexpectedArgument, "\"\(token)\": unexpected argument; \(scope.displayName) takes \(takes)")
        }
    }

    private mutating func option(_ token: String) throws(ArgumentError) {
        guard token.hasPrefix("--") else {
            throw unknownOption(token, name: String(token.drop { $0 == "-" }))
        }
        let body = token.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let attached = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        if scope.flag(named: name) != nil {
            if let attached {
                throw error(.unexpectedValue, "--\(name): a flag takes no value, got \"\(attached)\"")
            }
            flags.insert(name)
        } else if let spec = scope.option(named: name) {
            let text: String
            if let attached { text = attached } else { text = try nextValue(for: spec) }
            guard values[name] == nil || spec.occurrence.isMultiple else {
                throw error(.duplicateOption, "--\(name): given more than once; it takes one value")
            }
            values[name, default: []].append(OptionValue(text: text, origin: nil))
        } else {
            throw unknownOption("--\(name)", name: name)
        }
    }

    /// The next token is the value unless it is missing, `-h`, or starts with `--`: a value that
    /// does must be attached (`--name=--x`), so a forgotten value never swallows the next option.
    private mutating func nextValue(for spec: OptionSpec) throws(ArgumentError) -> String {
        let expected = "--\(spec.name): expected a value <\(spec.valueName)>"
        guard index < arguments.count else { throw error(.missingValue, expected) }
        let next = arguments[index]
        guard !next.hasPrefix("--"), !Self.isHelp(next) else {
            throw error(.missingValue, "\(expected), got \(next) (write --\(spec.name)=\(next) if that is the value)")
        }
        index += 1
        return next
    }

    private func unknownOption(_ token: String, name: String) -> ArgumentError {
        let hint = EditDistance.suggestion(for: name, among: scope.acceptedNames).map { "; did you mean --\($0)?" }
        return error(.unknownOption, "\(token): unknown option\(hint ?? "")")
    }

    // MARK: - After the last token

    /// Fills in environment variables and defaults, then insists on required options.
    private mutating func settleOptions() throws(ArgumentError) {
        for spec in scope.allOptions where values[spec.name] == nil {
            if let variable = spec.environment, let text = environment[variable], !text.isEmpty {
                values[spec.name] = [OptionValue(text: text, origin: "from \(variable)")]
            } else if let text = spec.occurrence.defaultValue {
                values[spec.name] = [OptionValue(text: text, origin: "the default")]
            } else if spec.occurrence.isRequired {
                let alternative = spec.environment.map { " or \($0) in the environment" } ?? ""
                throw error(.missingOption,
                            "--\(spec.name): missing; expected --\(spec.name) <\(spec.valueName)>\(alternative)")
            }
        }
    }

    private mutating func settlePositionals() throws(ArgumentError) {
        for spec in scope.current.positionals.dropFirst(positionals.count) {
            if let text = spec.occurrence.defaultValue {
                positionals.append(text)
            } else if spec.occurrence.isRequired {
                throw error(.missingArgument, "<\(spec.name)>: missing argument")
            }
        }
    }

    private func error(_ code: ArgumentError.Code, _ message: String) -> ArgumentError {
        ArgumentError(code: code, message: message, command: scope.displayName, usage: HelpText.usage(scope))
    }
}
