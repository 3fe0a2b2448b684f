/// The outcome (*utfall*) of one budget line over one period, as the host's ledger gives it.
public struct OutcomeEntry: Hashable, Sendable, Codable {
    /// The budget line's object code.
    public var objectCode: String
    /// Whether it is the income or the cost line of that code.
    public var direction: LineDirection
    /// The period the amount covers, within the budget year.
    public var period: Period
    /// The amount booked, net of VAT.
    public var amount: Money
    /// Where it comes from (`huvudbok 2022-05-31`, an import file).
    public var source: String?

    /// An entry.
    public init(objectCode: String, direction: LineDirection, period: Period, amount: Money, source: String? = nil) {
        self.objectCode = objectCode
        self.direction = direction
        self.period = period
        self.amount = amount
        self.source = source
    }
}
