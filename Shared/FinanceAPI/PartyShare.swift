/// One party's share of a line, with how it came about.
public struct PartyShare: Hashable, Sendable, Codable {
    /// The party's code.
    public var party: String
    /// Its name.
    public var name: String
    /// Its organisationsnummer.
    public var organisationNumber: String
    /// Whether it is the host (booked internally, never invoiced).
    public var isHost: Bool
    /// Its part of the line, as an exact fraction of the whole (76 100 / 1 065 400 = 1/14).
    public var weight: Fraction
    /// What the weight is made of, in words (`population 4 100 of 368 800`).
    public var weightDescription: String
    /// The exact share before rounding.
    public var exact: ExactAmount
    /// The exact share rounded to the nearest unit (half up).
    public var nearest: Money
    /// The share it pays: a whole number of units.
    public var rounded: Money
    /// `rounded − nearest`: what the largest-remainder rule moved to make the line sum exactly.
    public var adjustment: Money

    /// A share.
    public init(party: String, name: String, organisationNumber: String, isHost: Bool, weight: Fraction,
                weightDescription: String, exact: ExactAmount, nearest: Money, rounded: Money, adjustment: Money) {
        self.party = party
        self.name = name
        self.organisationNumber = organisationNumber
        self.isHost = isHost
        self.weight = weight
        self.weightDescription = weightDescription
        self.exact = exact
        self.nearest = nearest
        self.rounded = rounded
        self.adjustment = adjustment
    }
}
