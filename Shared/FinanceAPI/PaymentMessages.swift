import KansliProtocol

// Messages of the finance.payment.* methods and finance.receivables.

/// `finance.payment.record`: a payment that came in on a bankgiro with an OCR reference.
public struct PaymentRecord: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The bankgiro it was paid to (`NNNN-NNNN`).
    public var bankgiro: String
    /// The OCR reference it came with.
    public var reference: String
    /// The amount paid, more than 0.
    public var amount: Money
    /// The day it was paid.
    public var paidOn: CalendarDate
    /// A note.
    public var note: String?

    /// A request.
    public init(committee: String, bankgiro: String, reference: String, amount: Money, paidOn: CalendarDate, note: String? = nil) {
        self.committee = committee
        self.bankgiro = bankgiro
        self.reference = reference
        self.amount = amount
        self.paidOn = paidOn
        self.note = note
    }
}

/// `finance.payment.list`: the payments of a committee, in the order they were recorded.
public struct PaymentListRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Keeps the payments of one invoice.
    public var invoice: String?

    /// A request.
    public init(committee: String, invoice: String? = nil) {
        self.committee = committee
        self.invoice = invoice
    }
}

/// `finance.receivables`: the receivables report of a committee on a day.
public struct ReceivablesRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The day (overdue means due before it); today in Sweden when nil.
    public var on: CalendarDate?

    /// A request.
    public init(committee: String, on: CalendarDate? = nil) {
        self.committee = committee
        self.on = on
    }
}
