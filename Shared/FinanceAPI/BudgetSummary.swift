/// One budget version in a list: its identity, status and totals.
public struct BudgetSummary: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int
    /// The version.
    public var version: Int
    /// Where it stands.
    public var status: BudgetStatus
    /// The sum of the income lines.
    public var income: Money
    /// The sum of the cost lines.
    public var cost: Money
    /// Where it was adopted.
    public var adoption: Adoption?

    /// A summary.
    public init(committee: String, year: Int, version: Int, status: BudgetStatus, income: Money, cost: Money, adoption: Adoption?) {
        self.committee = committee
        self.year = year
        self.version = version
        self.status = status
        self.income = income
        self.cost = cost
        self.adoption = adoption
    }

    /// The summary of `budget`.
    public init(_ budget: Budget) {
        self.init(committee: budget.committee, year: budget.year, version: budget.version, status: budget.status,
                  income: budget.total(.income), cost: budget.total(.cost), adoption: budget.adoption)
    }
}
