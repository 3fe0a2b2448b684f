/// A closed year: its outcome against the budget per line, the result, and where the result was
/// carried.
public struct YearClosing: Equatable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The year closed.
    public var year: Int
    /// The budget version closed.
    public var budgetVersion: Int
    /// Each line's budget and outcome for the whole year (no forecast: the year is over).
    public var lines: [FollowUpLine]
    /// The result: income outcome − cost outcome; positive is a surplus, negative a deficit.
    public var result: Money
    /// The budget the result was carried into (next year, the version made or changed).
    public var carriedTo: BudgetRef?
    /// The line that carries it, when the result is not zero.
    public var carriedLine: BudgetLine?
    /// When it was closed (UTC, ISO 8601).
    public var closedAt: String
    /// The client key that closed it.
    public var closedBy: String

    /// A closing.
    public init(committee: String, year: Int, budgetVersion: Int, lines: [FollowUpLine], result: Money, carriedTo: BudgetRef?,
                carriedLine: BudgetLine?, closedAt: String, closedBy: String) {
        self.committee = committee
        self.year = year
        self.budgetVersion = budgetVersion
        self.lines = lines
        self.result = result
        self.carriedTo = carriedTo
        self.carriedLine = carriedLine
        self.closedAt = closedAt
        self.closedBy = closedBy
    }
}
