/// The sums of the follow-up report: per direction, and the net (income − cost). A line without
/// a forecast counts with its budget in the forecast sum (nothing changed is expected of it).
public struct FollowUpTotals: Hashable, Sendable, Codable {
    /// The budget.
    public var budget: Money
    /// The outcome.
    public var outcome: Money
    /// The forecast.
    public var forecast: Money
    /// `budget − outcome`.
    public var outcomeDeviation: Money
    /// `budget − forecast`.
    public var forecastDeviation: Money

    /// Totals; the deviations are computed.
    public init(budget: Money, outcome: Money, forecast: Money) {
        self.budget = budget
        self.outcome = outcome
        self.forecast = forecast
        outcomeDeviation = budget - outcome
        forecastDeviation = budget - forecast
    }
}
