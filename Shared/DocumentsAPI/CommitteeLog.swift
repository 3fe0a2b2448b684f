/// A committee's hash-chained log (docs/SIGNING.md §3): each entry's exact text, in order.
public struct CommitteeLog: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The entries asked for, each the exact text whose SHA-256 the next entry holds.
    public var entries: [String]
    /// How many entries the log has in all.
    public var length: Int
    /// The hash of the last entry, 64 upper-case hexadecimal digits; nil for an empty log.
    public var head: String?

    /// A `CommitteeLog`.
    public init(committee: String, entries: [String], length: Int, head: String?) {
        self.committee = committee
        self.entries = entries
        self.length = length
        self.head = head
    }
}
