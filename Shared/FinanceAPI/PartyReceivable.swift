/// What one party has been invoiced, credited and has paid, and what it still owes.
public struct PartyReceivable: Hashable, Sendable, Codable {
    /// The party's code.
    public var party: String
    /// Its name.
    public var name: String
    /// The sum of its invoices.
    public var invoiced: Money
    /// The sum of its credit notes (zero or negative).
    public var credited: Money
    /// The sum of its payments.
    public var paid: Money
    /// `invoiced + credited − paid`.
    public var outstanding: Money
    /// What is outstanding on invoices whose due date has passed.
    public var overdue: Money
    /// The numbers of its invoices that are overdue.
    public var overdueInvoices: [String]

    /// A row.
    public init(party: String, name: String, invoiced: Money, credited: Money, paid: Money, outstanding: Money,
                overdue: Money, overdueInvoices: [String]) {
        self.party = party
        self.name = name
        self.invoiced = invoiced
        self.credited = credited
        self.paid = paid
        self.outstanding = outstanding
        self.overdue = overdue
        self.overdueInvoices = overdueInvoices
    }
}
