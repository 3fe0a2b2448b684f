/// A flag: an option without a value, such as `--json`. Present means `true`.
public struct FlagSpec: Sendable, Hashable {
    /// The name without dashes, e.g. `"json"` for `--json`.
    public let name: String
    /// One line of help.
    public let help: String

    /// Declares a flag.
    ///
    /// - Parameters:
    ///   - name: The name without dashes: lowercase ASCII letters, digits and inner hyphens.
    ///   - help: One line of help, without a trailing newline.
    public init(_ name: String, help: String) {
        SpecRules.requireValidName(name, what: "flag")
        SpecRules.requireOneLine(help, what: "help of --\(name)")
        self.name = name
        self.help = help
    }
}
