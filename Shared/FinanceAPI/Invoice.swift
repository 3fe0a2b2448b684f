import KansliProtocol

/// An invoice or a credit note to one paying party: in a draft run it has no number, dates or
/// payment reference yet; once issued it never changes (a correction is a credit note).
public struct Invoice: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The invoice number (digits: the committee's prefix on the bankgiro, the year's last two
    /// digits, a five-digit serial); nil until the run issues.
    public var number: String?
    /// Invoice or credit note.
    public var kind: InvoiceKind
    /// The billing run it belongs to (for a credit note: the run of the invoice it credits).
    public var run: Int
    /// The budget year billed.
    public var year: Int
    /// The invoice date; nil until issued.
    public var invoiceDate: CalendarDate?
    /// The due date (*förfallodatum*); nil until issued and on a credit note.
    public var dueDate: CalendarDate?
    /// Who invoices: the host.
    public var issuer: InvoiceIssuer
    /// Who pays.
    public var recipient: InvoiceRecipient
    /// The period the invoice covers.
    public var period: Period
    /// Whether its lines are inside or outside the scope of VAT (never both).
    public var scope: VATScope
    /// The lines, in the budget's order.
    public var lines: [InvoiceLine]
    /// VAT per treatment, in the order the treatments first occur among the lines.
    public var vat: [VATSummary]
    /// The sum of the lines' net amounts.
    public var net: Money
    /// The sum of the VAT amounts.
    public var vatTotal: Money
    /// What is to be paid: `net + vatTotal` (negative on a credit note).
    public var total: Money
    /// The OCR payment reference: the number's digits, a length digit and a Luhn check digit;
    /// nil until issued and on a credit note.
    public var paymentReference: String?
    /// The number of the invoice a credit note cancels.
    public var credits: String?
    /// Why a credit note was issued.
    public var reason: String?

    /// An invoice.
    public init(committee: String, number: String? = nil, kind: InvoiceKind = .invoice, run: Int, year: Int,
                invoiceDate: CalendarDate? = nil, dueDate: CalendarDate? = nil, issuer: InvoiceIssuer,
                recipient: InvoiceRecipient, period: Period, scope: VATScope, lines: [InvoiceLine], vat: [VATSummary],
                net: Money, vatTotal: Money, total: Money, paymentReference: String? = nil, credits: String? = nil,
                reason: String? = nil) {
        self.committee = committee
        self.number = number
        self.kind = kind
        self.run = run
        self.year = year
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.issuer = issuer
        self.recipient = recipient
        self.period = period
        self.scope = scope
        self.lines = lines
        self.vat = vat
        self.net = net
        self.vatTotal = vatTotal
        self.total = total
        self.paymentReference = paymentReference
        self.credits = credits
        self.reason = reason
    }
}
