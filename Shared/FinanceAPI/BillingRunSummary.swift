/// One billing run without its invoices: its identity, status, period, who drafted, approved
/// and issued it, the numbers it issued and its total. What `finance.billing.list` lists and
/// what approving and issuing answer (the invoices are read with `finance.billing.get` or
/// `finance.invoice.list`: a run of 578 invoices is megabytes, not to be sent back at each step).
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
    /// The client key that drafted it.
    public var draftedBy: String
    /// The client key that approved it.
    public var approvedBy: String?
    /// When it was approved.
    public var approvedAt: String?
    /// The client key that issued it.
    public var issuedBy: String?
    /// When it was issued.
    public var issuedAt: String?
    /// Its first invoice number, once issued.
    public var firstNumber: String?
    /// Its last invoice number, once issued.
    public var lastNumber: String?

    /// The summary of `run`.
    public init(_ run: BillingRun) {
        committee = run.committee
        self.run = run.run
        year = run.year
        status = run.status
        period = run.period
        invoices = run.invoices.count
        total = run.total
        draftedBy = run.draftedBy
        approvedBy = run.approvedBy
        approvedAt = run.approvedAt
        issuedBy = run.issuedBy
        issuedAt = run.issuedAt
        firstNumber = run.invoices.first?.number
        lastNumber = run.invoices.last?.number
    }
}
