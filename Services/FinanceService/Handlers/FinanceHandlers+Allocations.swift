import FinanceAPI
import KansliProtocol
import KansliService

extension FinanceHandlers {
    static func allocationPreview(_ prepared: Prepared<BudgetRef>, _ context: HandlerContext) throws -> BudgetAllocation {
        let store = BudgetStore(connection: context.connection)
        let budget = try store.budget(prepared.request)
        return BudgetAllocation(committee: budget.committee, year: budget.year, version: budget.version, run: 0,
                                parties: prepared.facts.parties, lines: try allocate(budget, facts: prepared.facts, store: store))
    }

    static func allocationRun(_ prepared: Prepared<BudgetRef>, _ context: HandlerContext) throws -> BudgetAllocation {
        let store = BudgetStore(connection: context.connection)
        let budget = try store.budget(prepared.request)
        let lines = try allocate(budget, facts: prepared.facts, store: store)
        let stored = try store.insert(BudgetAllocation(committee: budget.committee, year: budget.year, version: budget.version,
                                                       run: 0, parties: prepared.facts.parties, lines: lines), at: context.now)
        try context.audit(action: "allocate", entity: "budget", entityID: name(budget), summary: "run \(stored.run), \(lines.count) lines")
        return stored
    }

    static func allocationGet(_ request: BudgetRef, _ context: HandlerContext) throws -> BudgetAllocation {
        let store = BudgetStore(connection: context.connection)
        let budget = try store.budget(request)
        guard let allocation = try store.latestAllocation(of: budget) else {
            throw ServiceError.notFound("budget \(name(budget)) has not been allocated yet (finance.allocation.run)", field: "budget")
        }
        return allocation
    }
}
