import KansliProtocol

/// An ersättare's service for one absent ledamot.
public struct ServiceSpan: Codable, Sendable, Equatable {
    /// The ledamot's person id.
    public var replaces: String
    /// The ledamot's name and political party, `Lena Goldkuhl (S)`.
    public var replacesName: String
    /// The first paragraph served; from the start when absent.
    public var from: Int?
    /// The last paragraph served; to the end when absent.
    public var through: Int?

    /// A `ServiceSpan`.
    public init(replaces: String, replacesName: String, from: Int? = nil, through: Int? = nil) {
        self.replaces = replaces
        self.replacesName = replacesName
        self.from = from
        self.through = through
    }
}
