import FinanceAPI
import KansliPlatform
import KansliProtocol
import KansliService

extension FinanceHandlers {
    static func invoiceGet(_ request: InvoiceRef, _ context: HandlerContext) throws -> Invoice {
        try BillingStore(connection: context.connection).invoice(request)
    }

    static func invoiceList(_ request: InvoiceListRequest, _ context: HandlerContext) throws -> [Invoice] {
        try BillingStore(connection: context.connection).invoices(committee: request.committee, run: request.run, party: request.party)
            .filter { request.year == nil || $0.year == request.year }
    }

    static func invoiceRender(_ request: InvoiceRender, _ context: HandlerContext) throws -> RenderedDocument {
        let invoice = try BillingStore(connection: context.connection).invoice(request.invoice)
        switch request.format {
        case .text: return InvoiceRenderer.textDocument(invoice)
        case .html: return InvoiceRenderer.htmlDocument(invoice)
        case .csv:
            throw ServiceError.validation("an invoice renders as text or html; a run exports as CSV (finance.billing.export)", field: "format")
        }
    }

    /// A credit note cancelling an issued invoice in full; its number is the next of the
    /// committee's series for the year it is issued in.
    static func invoiceCredit(_ request: CreditNoteCreate, _ context: HandlerContext) throws -> Invoice {
        let reason = request.reason.trimmingWhitespace()
        guard !reason.isEmpty, reason.count <= BillingRules.maximumTextLength else {
            throw ServiceError.validation("a credit note needs a reason of 1 to \(BillingRules.maximumTextLength) characters", field: "reason")
        }
        let store = BillingStore(connection: context.connection)
        let invoice = try store.invoice(request.invoice)
        guard invoice.kind == .invoice, let number = invoice.number else {
            throw ServiceError.conflict("\(invoice.number ?? "") is a credit note; only an invoice is credited", field: "invoice.number")
        }
        if let existing = try store.creditNote(of: number, committee: invoice.committee) {
            throw ServiceError.conflict("invoice \(number) is already credited by credit note \(existing.number ?? "")", field: "invoice.number")
        }
        let today = CalendarDate.today(at: context.now)
        let prefix = try store.prefix(bankgiro: invoice.issuer.bankgiro, committee: invoice.committee, at: context.now)
        let serial = try store.reserveSerials(committee: invoice.committee, year: today.year, count: 1)
        let credit = BillingRules.creditNote(of: invoice, number: BillingRules.invoiceNumber(prefix: prefix, year: today.year, serial: serial),
                                             on: today, reason: reason)
        try store.insert(credit, seriesYear: today.year, serial: serial, at: context.now)
        try context.audit(action: "credit", entity: "invoice", entityID: "\(invoice.committee)/\(number)",
                          summary: "credit note \(credit.number ?? ""): \(ServiceError.quote(reason, limit: 200))")
        return credit
    }
}
