import KansliProtocol

/// Every method `kansli-finance` answers beyond the common ones, with its stable id
/// (0x0200…0x02FF), dotted name and the roles it admits. Once published an id never changes
/// meaning. 0x0200 budgets, 0x0210 allocations, 0x0220 billing runs, 0x0230 invoices and credit
/// notes, 0x0240 payments and receivables, 0x0250 outcome, forecast and follow-up, 0x0260 closing.
public enum FinanceMethods {
    // MARK: Budgets 0x0200

    /// A new draft budget (version 1).
    public static let budgetCreate = Method<BudgetCreate, Budget>(
        id: 0x0200, name: "finance.budget.create", access: .write, roles: .writers)
    /// Replaces the lines of a draft.
    public static let budgetUpdate = Method<BudgetUpdate, Budget>(
        id: 0x0201, name: "finance.budget.update", access: .write, roles: .writers)
    /// Records the adopting paragraph.
    public static let budgetAdopt = Method<BudgetAdopt, Budget>(
        id: 0x0202, name: "finance.budget.adopt", access: .write, roles: .writers)
    /// Records that the adopting protocol is justerat.
    public static let budgetJustera = Method<BudgetJustering, Budget>(
        id: 0x0203, name: "finance.budget.justera", access: .write, roles: .writers)
    /// Closes an adopted budget's year.
    public static let budgetClose = Method<BudgetRef, Budget>(
        id: 0x0204, name: "finance.budget.close", access: .write, roles: .writers)
    /// A new version of an adopted budget, with a reason.
    public static let budgetRevise = Method<BudgetRevise, Budget>(
        id: 0x0205, name: "finance.budget.revise", access: .write, roles: .writers)
    /// Next year's draft by indexation.
    public static let budgetIndex = Method<BudgetIndex, Budget>(
        id: 0x0206, name: "finance.budget.index", access: .write, roles: .writers)
    /// One budget version.
    public static let budgetGet = Method<BudgetRef, Budget>(
        id: 0x0207, name: "finance.budget.get", access: .read, roles: .readers)
    /// Every budget version of a committee.
    public static let budgetList = Method<BudgetListRequest, [BudgetSummary]>(
        id: 0x0208, name: "finance.budget.list", access: .read, roles: .readers)

    // MARK: Allocations 0x0210

    /// Allocates a budget version with the registry's current parties and keys, storing nothing.
    public static let allocationPreview = Method<BudgetRef, BudgetAllocation>(
        id: 0x0210, name: "finance.allocation.preview", access: .read, roles: .readers)
    /// Allocates a budget version and stores the result with its inputs.
    public static let allocationRun = Method<BudgetRef, BudgetAllocation>(
        id: 0x0211, name: "finance.allocation.run", access: .write, roles: .writers)
    /// The latest stored allocation of a budget version.
    public static let allocationGet = Method<BudgetRef, BudgetAllocation>(
        id: 0x0212, name: "finance.allocation.get", access: .read, roles: .readers)

    // MARK: Billing runs 0x0220

    /// Drafts a billing run: one invoice per paying party and VAT scope, computed, not numbered.
    public static let billingDraft = Method<BillingDraft, BillingRun>(
        id: 0x0220, name: "finance.billing.draft", access: .write, roles: .writers)
    /// Approves (*attesterar*) a drafted run; the approver's key must not be the drafter's.
    public static let billingApprove = Method<BillingApprove, BillingRunSummary>(
        id: 0x0221, name: "finance.billing.approve", access: .write, roles: .writers)
    /// Issues an approved run: numbers, dates and payment references, in one transaction.
    public static let billingIssue = Method<BillingRunRef, BillingRunSummary>(
        id: 0x0222, name: "finance.billing.issue", access: .write, roles: .writers)
    /// One billing run with its invoices and the host's shares.
    public static let billingGet = Method<BillingRunRef, BillingRun>(
        id: 0x0223, name: "finance.billing.get", access: .read, roles: .readers)
    /// Every billing run of a committee.
    public static let billingList = Method<BillingListRequest, [BillingRunSummary]>(
        id: 0x0224, name: "finance.billing.list", access: .read, roles: .readers)
    /// Cancels a run that has not issued.
    public static let billingCancel = Method<BillingRunRef, BillingRunSummary>(
        id: 0x0225, name: "finance.billing.cancel", access: .write, roles: .writers)
    /// A run's invoice lines and the host's shares as CSV for a spreadsheet.
    public static let billingExport = Method<BillingRunRef, RenderedDocument>(
        id: 0x0226, name: "finance.billing.export", access: .read, roles: .readers)

    // MARK: Invoices 0x0230

    /// One issued invoice or credit note.
    public static let invoiceGet = Method<InvoiceRef, Invoice>(
        id: 0x0230, name: "finance.invoice.get", access: .read, roles: .readers)
    /// The issued invoices and credit notes of a committee.
    public static let invoiceList = Method<InvoiceListRequest, [Invoice]>(
        id: 0x0231, name: "finance.invoice.list", access: .read, roles: .readers)
    /// An invoice as Swedish text or HTML.
    public static let invoiceRender = Method<InvoiceRender, RenderedDocument>(
        id: 0x0232, name: "finance.invoice.render", access: .read, roles: .readers)
    /// A credit note that cancels an issued invoice.
    public static let invoiceCredit = Method<CreditNoteCreate, Invoice>(
        id: 0x0233, name: "finance.invoice.credit", access: .write, roles: .writers)

    // MARK: Payments 0x0240

    /// Records a payment, matched to its invoice by the OCR reference.
    public static let paymentRecord = Method<PaymentRecord, Payment>(
        id: 0x0240, name: "finance.payment.record", access: .write, roles: .writers)
    /// The payments of a committee.
    public static let paymentList = Method<PaymentListRequest, [Payment]>(
        id: 0x0241, name: "finance.payment.list", access: .read, roles: .readers)
    /// Invoiced, paid, outstanding and overdue per party and in total.
    public static let receivables = Method<ReceivablesRequest, ReceivablesReport>(
        id: 0x0242, name: "finance.receivables", access: .read, roles: .readers)

    // MARK: Outcome and forecast 0x0250

    /// Records outcome entries per line and period.
    public static let outcomeRecord = Method<OutcomeRecord, [OutcomeEntry]>(
        id: 0x0250, name: "finance.outcome.record", access: .write, roles: .writers)
    /// Imports outcome entries from a CSV of the host's ledger.
    public static let outcomeImport = Method<OutcomeImport, [OutcomeEntry]>(
        id: 0x0251, name: "finance.outcome.import", access: .write, roles: .writers)
    /// The outcome entries of a year.
    public static let outcomeList = Method<YearRef, [OutcomeEntry]>(
        id: 0x0252, name: "finance.outcome.list", access: .read, roles: .readers)
    /// Sets forecasts per line.
    public static let forecastSet = Method<ForecastSet, [Forecast]>(
        id: 0x0253, name: "finance.forecast.set", access: .write, roles: .writers)
    /// The forecasts of a year.
    public static let forecastList = Method<YearRef, [Forecast]>(
        id: 0x0254, name: "finance.forecast.list", access: .read, roles: .readers)
    /// Budget, outcome, forecast and deviation per line and in total.
    public static let followUp = Method<FollowUpRequest, FollowUpReport>(
        id: 0x0255, name: "finance.followup", access: .read, roles: .readers)

    // MARK: Closing 0x0260

    /// Closes a year and carries its result into next year's budget.
    public static let yearClose = Method<YearClose, YearClosing>(
        id: 0x0260, name: "finance.year.close", access: .write, roles: .writers)
    /// A closed year's closing.
    public static let yearGet = Method<YearRef, YearClosing>(
        id: 0x0261, name: "finance.year.get", access: .read, roles: .readers)

    /// Every finance method, for the method table in docs/PROTOCOL.md and its test.
    public static let all: [MethodSummary] = [
        .init(budgetCreate), .init(budgetUpdate), .init(budgetAdopt), .init(budgetJustera), .init(budgetClose),
        .init(budgetRevise), .init(budgetIndex), .init(budgetGet), .init(budgetList),
        .init(allocationPreview), .init(allocationRun), .init(allocationGet),
        .init(billingDraft), .init(billingApprove), .init(billingIssue), .init(billingGet), .init(billingList),
        .init(billingCancel), .init(billingExport),
        .init(invoiceGet), .init(invoiceList), .init(invoiceRender), .init(invoiceCredit),
        .init(paymentRecord), .init(paymentList), .init(receivables),
        .init(outcomeRecord), .init(outcomeImport), .init(outcomeList), .init(forecastSet), .init(forecastList), .init(followUp),
        .init(yearClose), .init(yearGet),
    ]
}
