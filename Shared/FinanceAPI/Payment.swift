import KansliProtocol

/// A payment recorded against an invoice, matched by its OCR reference.
public struct Payment: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The payment's number in the committee (1, 2 …).
    public var id: Int
    /// The invoice it paid.
    public var invoice: String
    /// The party that owed it.
    public var party: String
    /// The OCR reference it came with.
    public var reference: String
    /// The amount paid.
    public var amount: Money
    /// The day it was paid (the bank's booking day).
    public var paidOn: CalendarDate
    /// What the invoice still owes after it (negative when overpaid).
    public var outstandingAfter: Money
    /// Partly, in full, or overpaid.
    public var status: PaymentStatus
    /// When it was recorded (UTC, ISO 8601).
    public var recordedAt: String
    /// A note.
    public var note: String?

    /// A payment.
    public init(committee: String, id: Int, invoice: String, party: String, reference: String, amount: Money,
                paidOn: CalendarDate, outstandingAfter: Money, status: PaymentStatus, recordedAt: String, note: String? = nil) {
        self.committee = committee
        self.id = id
        self.invoice = invoice
        self.party = party
        self.reference = reference
        self.amount = amount
        self.paidOn = paidOn
        self.outstandingAfter = outstandingAfter
        self.status = status
        self.recordedAt = recordedAt
        self.note = note
    }
}
