import FinanceAPI
import KansliProtocol
import KansliService

/// The finance methods' handlers: thin — they check the request with `BudgetRules`, read and
/// write through `BudgetStore`, and leave the arithmetic to `AllocationEngine` and `Indexer`.
/// Handlers that need the registry receive its `RegistryFacts` from their preparation.
enum FinanceHandlers {
    /// What a preparation hands to its application: the request and the registry's facts.
    struct Prepared<Request: Sendable>: Sendable {
        var request: Request
        var facts: RegistryFacts
    }

    /// A preparation that fetches the registry's facts of `committee(request)`.
    static func fetching<Request: Sendable>(_ committee: @escaping @Sendable (Request) -> String)
        -> @Sendable (Request, PrepareContext) throws -> Prepared<Request> {
        { request, context in
            try BudgetRules.check(committee: committee(request))
            return Prepared(request: request, facts: try RegistryFacts.fetch(committee: committee(request), from: context.peers))
        }
    }

    /// `2023 v2 of NBE`, for audit lines.
    static func name(_ budget: Budget) -> String { "\(budget.committee)/\(budget.year)/v\(budget.version)" }

    /// Allocates every allocated line of `budget`; lines that follow another year's line read
    /// that year's latest stored allocation.
    static func allocate(_ budget: Budget, facts: RegistryFacts, store: BudgetStore) throws -> [LineAllocation] {
        var context = facts.context(year: budget.year)
        for line in budget.lines {
            guard let reference = line.model.sourceLine, let year = reference.year, year != budget.year else { continue }
            guard let other = try store.latest(committee: budget.committee, year: year),
                  let allocation = try store.latestAllocation(of: other),
                  let source = allocation.lines.first(where: { $0.objectCode == reference.objectCode }) else {
                throw AllocationRefusal.refuse(line, "follows line \(reference), which has no stored allocation", field: "model.sourceLine")
            }
            context.lineDistributions[reference] = PartyTable(
                rows: source.shares.map { PartyAmount(party: $0.party, value: $0.rounded.ore) },
                source: "line \(reference.objectCode) of \(year), allocation run \(allocation.run)")
        }
        return try AllocationEngine.allocate(budget, context: context)
    }
}
