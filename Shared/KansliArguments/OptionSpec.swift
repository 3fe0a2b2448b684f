/// An option that takes a value: `--port 7401` or `--port=7401`.
public struct OptionSpec: Sendable, Hashable {
    /// The name without dashes, e.g. `"data-dir"` for `--data-dir`.
    public let name: String
    /// The placeholder shown in help and usage, e.g. `"dir"` for `--data-dir <dir>`.
    public let valueName: String
    /// Whether the option is required, defaulted, optional or repeatable.
    public let occurrence: Occurrence
    /// An environment variable whose value is used when the option is not on the command line.
    public let environment: String?
    /// One line of help.
    public let help: String

    /// Declares an option.
    ///
    /// - Parameters:
    ///   - name: The name without dashes: lowercase ASCII letters, digits and inner hyphens.
    ///   - value: The placeholder for the value in help, e.g. `"host:port"`.
    ///   - occurrence: How often it may be given; `.optional` unless said otherwise.
    ///   - environment: A fallback environment variable such as `KANSLI_REGISTRY`; not allowed
    ///     for repeatable options.
    ///   - help: One line of help, without a trailing newline.
    public init(
        _ name: String,
        value: String,
        _ occurrence: Occurrence = .optional,
        environment: String? = nil,
        help: String
    ) {
        SpecRules.requireValidName(name, what: "option")
        SpecRules.requireOneLine(help, what: "help of --\(name)")
        precondition(!value.isEmpty, "KansliArguments: --\(name) needs a value name")
        precondition(environment == nil || !occurrence.isMultiple,
                     "KansliArguments: repeatable --\(name) cannot fall back to an environment variable")
        precondition(environment.map { !$0.isEmpty && !$0.contains("=") } ?? true,
                     "KansliArguments: --\(name) has an invalid environment variable name")
        self.name = name
        self.valueName = value
        self.occurrence = occurrence
        self.environment = environment
        self.help = help
    }
}
