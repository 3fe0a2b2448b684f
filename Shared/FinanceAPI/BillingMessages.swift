import KansliProtocol

// Messages of the finance.billing.* methods.

/// `finance.billing.draft`: a new billing run over an adopted budget's allocated income lines (or
/// the chosen ones) for a period, computed from the latest stored allocation and the registry's
/// invoicing details.
public struct BillingDraft: Codable, Sendable, Equatable {
    /// The budget (its latest version when `version` is nil); it must be adopted and allocated.
    public var budget: BudgetRef
    /// The object codes of the lines to bill; nil for every allocated income line.
    public var lines: [String]?
    /// The period the invoices cover; nil for the budget year.
    public var period: Period?
    /// Days from the invoice date to the due date; nil for 30.
    public var dueDays: Int?
    /// A note.
    public var note: String?

    /// A request.
    public init(budget: BudgetRef, lines: [String]? = nil, period: Period? = nil, dueDays: Int? = nil, note: String? = nil) {
        self.budget = budget
        self.lines = lines
        self.period = period
        self.dueDays = dueDays
        self.note = note
    }
}

/// Names one billing run of a committee.
public struct BillingRunRef: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The run's number.
    public var run: Int

    /// A reference.
    public init(committee: String, run: Int) {
        self.committee = committee
        self.run = run
    }
}

/// `finance.billing.approve`: a second person approves (*attesterar*) a drafted run, having
/// reviewed it; the approver's client key must not be the drafter's.
public struct BillingApprove: Codable, Sendable, Equatable {
    /// The run.
    public var run: BillingRunRef
    /// The total the approver reviewed: the run is approved only if it is still the run's total.
    public var total: Money

    /// A request.
    public init(run: BillingRunRef, total: Money) {
        self.run = run
        self.total = total
    }
}

/// `finance.billing.list`: every billing run of a committee.
public struct BillingListRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String

    /// A request.
    public init(committee: String) {
        self.committee = committee
    }
}
