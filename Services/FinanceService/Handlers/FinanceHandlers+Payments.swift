import FinanceAPI
import KansliPlatform
import KansliProtocol
import KansliService
import RegistryAPI

extension FinanceHandlers {
    /// Records a payment against the invoice its OCR reference names on its bankgiro.
    static func paymentRecord(_ request: PaymentRecord, _ context: HandlerContext) throws -> Payment {
        let bankgiro: Bankgiro
        do {
            bankgiro = try Bankgiro(parsing: request.bankgiro)
        } catch {
            throw ServiceError.validation(error.message, field: "bankgiro")
        }
        let reference = String(request.reference.filter { $0 != " " })
        guard OCRReference.isValid(reference) else {
            throw ServiceError.validation("\(ServiceError.quote(request.reference)) is not a valid OCR reference: its length digit or Luhn check digit is wrong, or it is not 3 to 25 digits", field: "reference")
        }
        guard request.amount > .zero, request.amount.isWithinLimit else {
            throw ServiceError.validation("a payment is more than 0 kr, not \(request.amount)", field: "amount")
        }
        if let note = request.note, note.count > BillingRules.maximumTextLength {
            throw ServiceError.validation("the note is longer than \(BillingRules.maximumTextLength) characters", field: "note")
        }
        let store = BillingStore(connection: context.connection)
        guard let invoice = try store.invoice(bankgiro: bankgiro.description, reference: reference),
              invoice.committee == request.committee, let number = invoice.number else {
            throw ServiceError.notFound("no invoice of committee \(ServiceError.quote(request.committee)) on bankgiro \(bankgiro) has OCR reference \(reference)", field: "reference")
        }
        let paid = try store.payments(committee: invoice.committee, invoice: number).reduce(Money.zero) { $0 + $1.amount }
        let credited = try store.creditNote(of: number, committee: invoice.committee)?.total ?? .zero
        let outstanding = invoice.total + credited - paid - request.amount
        let payment = try store.insert(Payment(
            committee: invoice.committee, id: 0, invoice: number, party: invoice.recipient.party, reference: reference,
            amount: request.amount, paidOn: request.paidOn, outstandingAfter: outstanding,
            status: outstanding > .zero ? .partial : outstanding == .zero ? .full : .overpaid,
            recordedAt: context.now.iso8601(.milliseconds), note: request.note), at: context.now)
        try context.audit(action: "record", entity: "payment", entityID: "\(payment.committee)/\(payment.id)",
                          summary: "\(payment.amount) on invoice \(number), \(payment.status.rawValue)")
        return payment
    }

    static func paymentList(_ request: PaymentListRequest, _ context: HandlerContext) throws -> [Payment] {
        try BillingStore(connection: context.connection).payments(committee: request.committee, invoice: request.invoice)
    }

    static func receivables(_ request: ReceivablesRequest, _ context: HandlerContext) throws -> ReceivablesReport {
        let store = BillingStore(connection: context.connection)
        let on = request.on ?? CalendarDate.today(at: context.now)
        return ReceivablesRules.report(committee: request.committee, on: on, invoices: try store.invoices(committee: request.committee),
                                       payments: try store.payments(committee: request.committee))
    }
}
