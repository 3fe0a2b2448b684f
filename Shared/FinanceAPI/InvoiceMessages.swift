import KansliProtocol

// Messages of the finance.invoice.* methods.

/// Names one issued invoice or credit note by its number.
public struct InvoiceRef: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The invoice number.
    public var number: String

    /// A reference.
    public init(committee: String, number: String) {
        self.committee = committee
        self.number = number
    }
}

/// `finance.invoice.list`: the issued invoices and credit notes of a committee, by number.
public struct InvoiceListRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Keeps those of one billing run.
    public var run: Int?
    /// Keeps those to one party.
    public var party: String?
    /// Keeps those of one budget year.
    public var year: Int?

    /// A request.
    public init(committee: String, run: Int? = nil, party: String? = nil, year: Int? = nil) {
        self.committee = committee
        self.run = run
        self.party = party
        self.year = year
    }
}

/// `finance.invoice.render`: an issued invoice as Swedish text or self-contained HTML.
public struct InvoiceRender: Codable, Sendable, Equatable {
    /// The invoice.
    public var invoice: InvoiceRef
    /// `text` or `html`.
    public var format: DocumentFormat

    /// A request.
    public init(invoice: InvoiceRef, format: DocumentFormat) {
        self.invoice = invoice
        self.format = format
    }
}

/// `finance.invoice.credit`: a credit note that cancels an issued invoice in full, with the
/// reason; it takes the next number of the committee's series.
public struct CreditNoteCreate: Codable, Sendable, Equatable {
    /// The invoice credited.
    public var invoice: InvoiceRef
    /// Why.
    public var reason: String

    /// A request.
    public init(invoice: InvoiceRef, reason: String) {
        self.invoice = invoice
        self.reason = reason
    }
}
