/// One line of the follow-up report: budget, outcome and forecast, and the deviations, which
/// are always computed (`budget − outcome`, `budget − forecast`), never entered.
public struct FollowUpLine: Hashable, Sendable, Codable {
    /// The line's object code.
    public var objectCode: String
    /// The line's name.
    public var name: String
    /// Income or cost.
    public var direction: LineDirection
    /// The budgeted amount.
    public var budget: Money
    /// The outcome so far: the sum of the entries of the report's periods.
    public var outcome: Money
    /// The latest forecast for the year, if one was made.
    public var forecast: Money?
    /// `budget − outcome`.
    public var outcomeDeviation: Money
    /// `budget − forecast`, when there is a forecast.
    public var forecastDeviation: Money?

    /// A line; the deviations are computed from the figures.
    public init(objectCode: String, name: String, direction: LineDirection, budget: Money, outcome: Money, forecast: Money?) {
        self.objectCode = objectCode
        self.name = name
        self.direction = direction
        self.budget = budget
        self.outcome = outcome
        self.forecast = forecast
        outcomeDeviation = budget - outcome
        forecastDeviation = forecast.map { budget - $0 }
    }
}
