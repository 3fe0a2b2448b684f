import KansliPlatform

/// A command line that parsed: which command was chosen, and its values behind typed accessors.
///
/// Required options, required positional arguments, defaults and environment fallbacks were
/// settled by the parser, so `string(_:)` of a required or defaulted option cannot fail. Typed
/// accessors check the value and throw an `ArgumentError` naming the option; asking for a name
/// the command does not declare, or with the wrong accessor, is a programming error and stops
/// the process.
public struct ParsedCommand: Sendable {
    /// The subcommand names chosen below the program, e.g. `["registry", "party", "add"]`; empty
    /// for a command without subcommands. Switch on it: `case ["registry", "import"]:`.
    public let path: [String]
    /// The positional arguments, defaults filled in.
    public let positionals: [String]

    private let scope: CommandScope
    private let values: [String: [OptionValue]]
    private let flags: Set<String>

    init(scope: CommandScope, values: [String: [OptionValue]], flags: Set<String>, positionals: [String]) {
        self.path = scope.path
        self.positionals = positionals
        self.scope = scope
        self.values = values
        self.flags = flags
    }

    /// The chosen command's spec.
    public var command: CommandSpec { scope.current }

    /// Whether the flag `--name` was given.
    public func flag(_ name: String) -> Bool {
        precondition(scope.flag(named: name) != nil, misuse("--\(name) is not a flag"))
        return flags.contains(name)
    }

    /// The value of `--name`; throws `missingOption` if an optional option was left out.
    public func string(_ name: String) throws(ArgumentError) -> String {
        guard let value = single(name) else { throw missing(name) }
        return value.text
    }

    /// The value of `--name`, or `nil` if it was left out.
    public func stringIfPresent(_ name: String) -> String? {
        single(name)?.text
    }

    /// Every value of `--name` in command-line order (for a repeatable option; any option works).
    public func strings(_ name: String) -> [String] {
        _ = declared(name)
        return values[name, default: []].map(\.text)
    }

    /// The value of `--name` as an integer within `range`.
    public func int(_ name: String, in range: ClosedRange<Int> = .min ... .max) throws(ArgumentError) -> Int {
        guard let value = try intIfPresent(name, in: range) else { throw missing(name) }
        return value
    }

    /// The value of `--name` as an integer within `range`, or `nil` if it was left out.
    public func intIfPresent(_ name: String, in range: ClosedRange<Int> = .min ... .max) throws(ArgumentError) -> Int? {
        try convert(name) { ValueConversion.integer($0, in: range) }
    }

    /// The value of `--name` as a finite decimal number within `range`, e.g. `--timeout 2.5`.
    public func double(
        _ name: String, in range: ClosedRange<Double> = -.greatestFiniteMagnitude ... .greatestFiniteMagnitude
    ) throws(ArgumentError) -> Double {
        guard let value = try doubleIfPresent(name, in: range) else { throw missing(name) }
        return value
    }

    /// The value of `--name` as a finite decimal number within `range`, or `nil` if left out.
    public func doubleIfPresent(
        _ name: String, in range: ClosedRange<Double> = -.greatestFiniteMagnitude ... .greatestFiniteMagnitude
    ) throws(ArgumentError) -> Double? {
        try convert(name) { ValueConversion.number($0, in: range) }
    }

    /// The value of `--name` as a calendar date written `yyyy-MM-dd` (e.g. `2022-06-22`): a day,
    /// with no time or time zone.
    public func date(_ name: String) throws(ArgumentError) -> CivilDate {
        guard let value = try dateIfPresent(name) else { throw missing(name) }
        return value
    }

    /// The value of `--name` as a calendar date `yyyy-MM-dd`, or `nil` if it was left out.
    public func dateIfPresent(_ name: String) throws(ArgumentError) -> CivilDate? {
        try convert(name, ValueConversion.date)
    }

    /// The positional argument at `index`; throws `missingArgument` if an optional one is absent.
    public func positional(_ index: Int) throws(ArgumentError) -> String {
        guard let value = positionalIfPresent(index) else {
            let name = command.positionals[min(index, command.positionals.count - 1)].name
            throw error(.missingArgument, "<\(name)>: missing argument")
        }
        return value
    }

    /// The positional argument at `index`, or `nil` if it was not given.
    public func positionalIfPresent(_ index: Int) -> String? {
        let declared = command.positionals
        precondition(index >= 0 && (index < declared.count || declared.last?.occurrence.isMultiple == true),
                     misuse("it declares no positional argument \(index)"))
        return index < positionals.count ? positionals[index] : nil
    }

    // MARK: - Helpers

    private func declared(_ name: String) -> OptionSpec {
        guard let option = scope.option(named: name) else {
            preconditionFailure(misuse("--\(name) is not an option that takes a value"))
        }
        return option
    }

    private func single(_ name: String) -> OptionValue? {
        precondition(!declared(name).occurrence.isMultiple, misuse("--\(name) repeats; read it with strings(_:)"))
        return values[name]?.first
    }

    private func convert<T>(
        _ name: String, _ conversion: (String) -> Result<T, ValueConversion.Expectation>
    ) throws(ArgumentError) -> T? {
        guard let value = single(name) else { return nil }
        switch conversion(value.text) {
        case .success(let converted):
            return converted
        case .failure(let expected):
            let note = [expected.note, value.origin].compactMap { $0 }.joined(separator: "; ")
            throw error(.invalidValue, "--\(name): expected \(expected.text), got \"\(value.text)\""
                            + (note.isEmpty ? "" : " (\(note))"))
        }
    }

    private func missing(_ name: String) -> ArgumentError {
        error(.missingOption, "--\(name): missing; expected --\(name) <\(declared(name).valueName)>")
    }

    private func error(_ code: ArgumentError.Code, _ message: String) -> ArgumentError {
        ArgumentError(code: code, message: message, command: scope.displayName, usage: HelpText.usage(scope))
    }

    private func misuse(_ problem: String) -> String {
        "KansliArguments: asked \(scope.displayName) for an argument but \(problem)"
    }
}
