/// How often an option or positional argument may appear, and what happens when it does not.
///
/// One value says it all, so contradictions such as "required with a default" cannot be written.
public enum Occurrence: Sendable, Hashable {
    /// May be left out; reading it then gives `nil` (or the `…IfPresent` accessors' `nil`).
    case optional
    /// Must be given exactly once (for an option, its environment variable also counts).
    case required
    /// May be left out; it then has this value, converted and checked like a typed one.
    case defaulted(String)
    /// May be given any number of times, including none.
    case repeatable
    /// Must be given at least once, and may be given more often.
    case oneOrMore

    /// Whether more than one value is accepted.
    public var isMultiple: Bool { self == .repeatable || self == .oneOrMore }

    /// Whether a missing value is an error.
    public var isRequired: Bool { self == .required || self == .oneOrMore }

    /// The value used when none is given, if any.
    public var defaultValue: String? {
        if case .defaulted(let value) = self { return value }
        return nil
    }
}
