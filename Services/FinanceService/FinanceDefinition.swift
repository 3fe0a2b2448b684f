// FinanceService: who pays what — budgets per committee and year, allocation of each line to the
// parties to the öre, invoices and credit notes, outcome and forecast against budget.
//
// This version answers the runtime's common methods (health, stats, audit); the finance domain
// arrives with its own issue. It must not read another service's database: it asks the registry.
import KansliService
import KansliStore

/// The finance service as the runtime runs it.
public struct FinanceDefinition: ServiceDefinition {
    public static let serviceName = "finance"

    public init() {}

    public var migrations: [Migration] { [] }

    /// It asks the registry about parties and documents whether a budget paragraph is signed.
    public var peers: [String] { ["registry", "documents"] }

    public func register(into router: ServiceRouter) {}
}
