import KansliProtocol

/// The forecast (*prognos*) of one budget line for the whole year, made on a day.
public struct Forecast: Hashable, Sendable, Codable {
    /// The budget line's object code.
    public var objectCode: String
    /// Whether it is the income or the cost line of that code.
    public var direction: LineDirection
    /// The year's forecast amount, net of VAT.
    public var amount: Money
    /// The day the forecast was made.
    public var asOf: CalendarDate
    /// Why (what changed).
    public var note: String?

    /// A forecast.
    public init(objectCode: String, direction: LineDirection, amount: Money, asOf: CalendarDate, note: String? = nil) {
        self.objectCode = objectCode
        self.direction = direction
        self.amount = amount
        self.asOf = asOf
        self.note = note
    }
}
