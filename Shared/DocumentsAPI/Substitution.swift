import KansliProtocol

/// An ersättare serving for an absent ledamot of the party that appointed both, for the whole
/// meeting or a range of paragraphs.
public struct Substitution: Codable, Sendable, Equatable {
    /// The ersättare's person id.
    public var substitute: String
    /// The absent ledamot's person id.
    public var replaces: String
    /// The first paragraph served; from the start when absent.
    public var from: Int?
    /// The last paragraph served; to the end when absent.
    public var through: Int?

    /// A `Substitution`.
    public init(substitute: String, replaces: String, from: Int? = nil, through: Int? = nil) {
        self.substitute = substitute
        self.replaces = replaces
        self.from = from
        self.through = through
    }
}
