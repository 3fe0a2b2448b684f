/// A per-party table as a document gives it: rows and the total the document states, so a table
/// whose rows do not add up to its own total is refused rather than silently used.
public struct PartyTable: Hashable, Sendable, Codable {
    /// The rows, one per party.
    public var rows: [PartyAmount]
    /// The total the source states for the rows.
    public var statedTotal: Int64
    /// Where the figures come from (a document, a table heading).
    public var source: String?

    /// A table.
    public init(rows: [PartyAmount], statedTotal: Int64, source: String? = nil) {
        self.rows = rows
        self.statedTotal = statedTotal
        self.source = source
    }

    /// A table whose stated total is the sum of its rows.
    public init(rows: [PartyAmount], source: String? = nil) {
        self.init(rows: rows, statedTotal: rows.reduce(0) { $0 + $1.value }, source: source)
    }
}
