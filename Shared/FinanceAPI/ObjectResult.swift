/// The outcome of one object that has both an income and a cost line (a project): income
/// outcome − cost outcome, computed — the seed's "Utfall intäkter vs utfall kostnader", whose
/// Projekt HR row (153 667 − 119 600 = 34 067) its own text states as 13 017.
public struct ObjectResult: Hashable, Sendable, Codable {
    /// The object code the two lines share.
    public var objectCode: String
    /// The income line's name.
    public var name: String
    /// The income line's outcome.
    public var incomeOutcome: Money
    /// The cost line's outcome.
    public var costOutcome: Money
    /// `incomeOutcome − costOutcome`.
    public var result: Money

    /// A row; the result is computed.
    public init(objectCode: String, name: String, incomeOutcome: Money, costOutcome: Money) {
        self.objectCode = objectCode
        self.name = name
        self.incomeOutcome = incomeOutcome
        self.costOutcome = costOutcome
        result = incomeOutcome - costOutcome
    }
}
