/// A positional argument, such as the `FILE` of `kansli registry import FILE`.
public struct PositionalSpec: Sendable, Hashable {
    /// The name shown in help and errors, e.g. `"file"` for `<file>`.
    public let name: String
    /// Whether the argument is required, optional, defaulted or repeatable. Only the last
    /// positional argument of a command may be repeatable, and no required one may follow one
    /// that is not.
    public let occurrence: Occurrence
    /// One line of help.
    public let help: String

    /// Declares a positional argument.
    ///
    /// - Parameters:
    ///   - name: The name shown as `<name>`: lowercase ASCII letters, digits and inner hyphens.
    ///   - occurrence: How often it may be given; `.required` unless said otherwise.
    ///   - help: One line of help, without a trailing newline.
    public init(_ name: String, _ occurrence: Occurrence = .required, help: String) {
        SpecRules.requireValidName(name, what: "positional argument")
        SpecRules.requireOneLine(help, what: "help of <\(name)>")
        self.name = name
        self.occurrence = occurrence
        self.help = help
    }
}
