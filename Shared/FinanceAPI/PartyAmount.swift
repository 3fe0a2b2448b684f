/// One row of a per-party table: a party and an integer (öre for fixed amounts, a weight or a
/// quantity for proportional and usage tables).
public struct PartyAmount: Hashable, Sendable, Codable {
    /// The party's code.
    public var party: String
    /// The figure.
    public var value: Int64

    /// A row.
    public init(party: String, value: Int64) {
        self.party = party
        self.value = value
    }
}
