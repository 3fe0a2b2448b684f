/// A billing run: one budget's chosen lines billed for a period, one invoice per paying party
/// and VAT scope, the host's shares listed beside them; drafted, approved by a second person,
/// issued.
public struct BillingRun: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The run's number in the committee (1, 2 …).
    public var run: Int
    /// The budget year billed.
    public var year: Int
    /// The budget version billed.
    public var budgetVersion: Int
    /// The stored allocation run whose shares are billed.
    public var allocationRun: Int
    /// The object codes of the lines billed, in the budget's order.
    public var lines: [String]
    /// The period the invoices cover.
    public var period: Period
    /// Days from the invoice date to the due date.
    public var dueDays: Int
    /// Where it stands.
    public var status: BillingRunStatus
    /// The client key that drafted it.
    public var draftedBy: String
    /// When it was drafted (UTC, ISO 8601).
    public var draftedAt: String
    /// The client key that approved (*attesterade*) it: never its drafter's.
    public var approvedBy: String?
    /// When it was approved.
    public var approvedAt: String?
    /// The client key that issued it.
    public var issuedBy: String?
    /// When it was issued.
    public var issuedAt: String?
    /// When it was cancelled.
    public var cancelledAt: String?
    /// A note.
    public var note: String?
    /// The invoices, by recipient's organisationsnummer, taxed before outside the scope.
    public var invoices: [Invoice]
    /// The host's shares: booked internally, never invoiced.
    public var hostShares: [HostShare]
    /// Shares of the chosen lines left out because another run bills them for an overlapping
    /// period (an invoice not credited, or a run not yet issued), each with what bills it.
    public var alreadyBilled: [String]
    /// The sum of the invoices' totals.
    public var total: Money

    /// A run.
    public init(committee: String, run: Int, year: Int, budgetVersion: Int, allocationRun: Int, lines: [String],
                period: Period, dueDays: Int, status: BillingRunStatus = .draft, draftedBy: String, draftedAt: String,
                approvedBy: String? = nil, approvedAt: String? = nil, issuedBy: String? = nil, issuedAt: String? = nil,
                cancelledAt: String? = nil, note: String? = nil, invoices: [Invoice], hostShares: [HostShare], alreadyBilled: [String] = [], total: Money) {
        self.committee = committee
        self.run = run
        self.year = year
        self.budgetVersion = budgetVersion
        self.allocationRun = allocationRun
        self.lines = lines
        self.period = period
        self.dueDays = dueDays
        self.status = status
        self.draftedBy = draftedBy
        self.draftedAt = draftedAt
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.cancelledAt = cancelledAt
        self.note = note
        self.invoices = invoices
        self.hostShares = hostShares
        self.alreadyBilled = alreadyBilled
        self.total = total
    }
}
