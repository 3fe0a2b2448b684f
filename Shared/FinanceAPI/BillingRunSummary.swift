/// One billing run in a list: its identity, status, period and totals.
public struct BillingRunSummary: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The run's number.
    public var run: Int
    /// The budget year billed.
    public var year: Int
    /// Where it stands.
    public var status: BillingRunStatus
    /// The period.
    public var period: Period
    /// How many invoices it holds.
    public var invoices: Int
    /// The sum of the invoices' totals.
    public var total: Money

    /// The summary of `run`.
    public init(_ run: BillingRun) {
        committee = run.committee
        self.run = run.run
        year = run.year
        status = run.status
        period = run.period
        invoices = run.invoices.count
        total = run.total
    }
}
