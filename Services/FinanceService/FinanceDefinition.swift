// FinanceService: who pays what — budgets per committee and year, allocation of each line to the
// parties to the öre, and (finance, part 2) invoices and credit notes.
//
// Layout: `Allocation/` (the engine and the indexer: pure, exact, no I/O), `Rules/` (pure checks
// of a budget), `Store/` (schema and SQL), `Registry/` (what is asked of the registry, in a
// handler's preparation), `Handlers/` (thin). It must not read another service's database: it
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
        router.register(FinanceMethods.budgetAdopt, prepare: H.fetching { $0.budget.committee }, apply: H.budgetAdopt)
        router.register(FinanceMethods.budgetJustera, H.budgetJustera)
        router.register(FinanceMethods.budgetClose, H.budgetClose)
        router.register(FinanceMethods.budgetRevise, H.budgetRevise)
        router.register(FinanceMethods.budgetIndex, prepare: H.fetching { $0.budget.committee }, apply: H.budgetIndex)
        router.register(FinanceMethods.budgetGet, H.budgetGet)
        router.register(FinanceMethods.budgetList, H.budgetList)
        router.register(FinanceMethods.allocationPreview, prepare: H.fetching { $0.committee }, apply: H.allocationPreview)
        router.register(FinanceMethods.allocationRun, prepare: H.fetching { $0.committee }, apply: H.allocationRun)
        router.register(FinanceMethods.allocationGet, H.allocationGet)
    }
}
