// FinanceService: who pays what — budgets per committee and year, allocation of each line to the
// parties to the öre, billing runs with their invoices and credit notes, payments and receivables, outcome and forecast
// against the budget, and the closing of a year.
//
// Layout: `Allocation/` (the engine and the indexer: pure, exact, no I/O), `Rules/` (pure checks
// of a budget, the billing and receivables rules), `Store/` (schema and SQL), `Registry/` (what
// is asked of the registry, in a handler's preparation), `Rendering/` (invoices as Swedish text
// and HTML, runs as CSV: pure, no Foundation), `Handlers/` (thin). It must not read another service's database: it
// asks the registry for parties and keys over the protocol, and never inside a transaction.
import FinanceAPI
import KansliService
import KansliStore

/// The finance service as the runtime runs it.
public struct FinanceDefinition: ServiceDefinition {
    public static let serviceName = "finance"

    public init() {}

    public var migrations: [Migration] { FinanceSchema.migrations }

    /// It asks the registry about parties and keys, and (once it can answer) documents whether a
    /// budget paragraph is justerat.
    public var peers: [String] { ["registry", "documents"] }

    public func register(into router: ServiceRouter) {
        typealias H = FinanceHandlers
        router.register(FinanceMethods.budgetCreate, prepare: H.fetching { $0.committee }, apply: H.budgetCreate)
        router.register(FinanceMethods.budgetUpdate, H.budgetUpdate)
        router.register(FinanceMethods.budgetAdopt, prepare: H.prepareAdopt, apply: H.budgetAdopt)
        router.register(FinanceMethods.budgetJustera, prepare: H.prepareJustera, apply: H.budgetJustera)
        router.register(FinanceMethods.budgetClose, H.budgetClose)
        router.register(FinanceMethods.budgetRevise, H.budgetRevise)
        router.register(FinanceMethods.budgetIndex, prepare: H.fetching { $0.budget.committee }, apply: H.budgetIndex)
        router.register(FinanceMethods.budgetGet, H.budgetGet)
        router.register(FinanceMethods.budgetList, H.budgetList)
        router.register(FinanceMethods.allocationPreview, prepare: H.fetching { $0.committee }, apply: H.allocationPreview)
        router.register(FinanceMethods.allocationRun, prepare: H.fetching { $0.committee }, apply: H.allocationRun)
        router.register(FinanceMethods.allocationGet, H.allocationGet)
        router.register(FinanceMethods.billingDraft, prepare: H.prepareBillingDraft, apply: H.billingDraft)
        router.register(FinanceMethods.billingApprove, H.billingApprove)
        router.register(FinanceMethods.billingIssue, H.billingIssue)
        router.register(FinanceMethods.billingGet, H.billingGet)
        router.register(FinanceMethods.billingList, H.billingList)
        router.register(FinanceMethods.billingCancel, H.billingCancel)
        router.register(FinanceMethods.billingExport, H.billingExport)
        router.register(FinanceMethods.invoiceGet, H.invoiceGet)
        router.register(FinanceMethods.invoiceList, H.invoiceList)
        router.register(FinanceMethods.invoiceRender, H.invoiceRender)
        router.register(FinanceMethods.invoiceCredit, H.invoiceCredit)
        router.register(FinanceMethods.paymentRecord, H.paymentRecord)
        router.register(FinanceMethods.paymentList, H.paymentList)
        router.register(FinanceMethods.receivables, H.receivables)
        router.register(FinanceMethods.outcomeRecord, H.outcomeRecord)
        router.register(FinanceMethods.outcomeImport, H.outcomeImport)
        router.register(FinanceMethods.outcomeList, H.outcomeList)
        router.register(FinanceMethods.forecastSet, H.forecastSet)
        router.register(FinanceMethods.forecastList, H.forecastList)
        router.register(FinanceMethods.followUp, H.followUp)
        router.register(FinanceMethods.yearClose, H.yearClose)
        router.register(FinanceMethods.yearGet, H.yearGet)
    }
}
