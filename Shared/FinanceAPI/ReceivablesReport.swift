import KansliProtocol

/// Receivables on a day: per party and in total, what was invoiced, credited, paid, and what is
/// outstanding and overdue.
public struct ReceivablesReport: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The day the report is for (overdue means due before it).
    public var on: CalendarDate
    /// One row per invoiced party, in ascending organisationsnummer.
    public var parties: [PartyReceivable]
    /// The sum of the invoices.
    public var invoiced: Money
    /// The sum of the credit notes.
    public var credited: Money
    /// The sum of the payments.
    public var paid: Money
    /// The sum outstanding.
    public var outstanding: Money
    /// The sum overdue.
    public var overdue: Money

    /// A report.
    public init(committee: String, on: CalendarDate, parties: [PartyReceivable]) {
        self.committee = committee
        self.on = on
        self.parties = parties
        invoiced = parties.reduce(.zero) { $0 + $1.invoiced }
        credited = parties.reduce(.zero) { $0 + $1.credited }
        paid = parties.reduce(.zero) { $0 + $1.paid }
        outstanding = parties.reduce(.zero) { $0 + $1.outstanding }
        overdue = parties.reduce(.zero) { $0 + $1.overdue }
    }
}
