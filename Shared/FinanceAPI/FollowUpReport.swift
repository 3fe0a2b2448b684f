import KansliProtocol

/// Budget, outcome, forecast and deviation per line and in total, like the seed's "Utfall per
/// sista maj 2022" and "Budget och prognos helår 2022".
public struct FollowUpReport: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int
    /// The budget version compared with.
    public var budgetVersion: Int
    /// The last day the outcome covers (entries ending after it are left out); nil for all.
    public var through: CalendarDate?
    /// One row per budget line, in the budget's order.
    public var lines: [FollowUpLine]
    /// The income lines' sums.
    public var income: FollowUpTotals
    /// The cost lines' sums.
    public var cost: FollowUpTotals
    /// Income − cost: the result.
    public var net: FollowUpTotals
    /// Per object with both an income and a cost line: income outcome − cost outcome.
    public var objects: [ObjectResult]

    /// A report with its totals computed from `lines`.
    public init(committee: String, year: Int, budgetVersion: Int, through: CalendarDate?, lines: [FollowUpLine]) {
        self.committee = committee
        self.year = year
        self.budgetVersion = budgetVersion
        self.through = through
        self.lines = lines
        func totals(_ direction: LineDirection) -> FollowUpTotals {
            let chosen = lines.filter { $0.direction == direction }
            return FollowUpTotals(budget: chosen.reduce(.zero) { $0 + $1.budget }, outcome: chosen.reduce(.zero) { $0 + $1.outcome },
                                  forecast: chosen.reduce(.zero) { $0 + ($1.forecast ?? $1.budget) })
        }
        income = totals(.income)
        cost = totals(.cost)
        net = FollowUpTotals(budget: income.budget - cost.budget, outcome: income.outcome - cost.outcome,
                             forecast: income.forecast - cost.forecast)
        objects = lines.filter { $0.direction == .income }.compactMap { income in
            lines.first { $0.direction == .cost && $0.objectCode == income.objectCode }.map {
                ObjectResult(objectCode: income.objectCode, name: income.name, incomeOutcome: income.outcome, costOutcome: $0.outcome)
            }
        }
    }
}
