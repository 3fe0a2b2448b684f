/// Asks for a committee's log, from the start or after an entry already held.
public struct LogRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Only the entries after this sequence number.
    public var after: Int?

    /// A `LogRequest`.
    public init(committee: String, after: Int? = nil) {
        self.committee = committee
        self.after = after
    }
}
