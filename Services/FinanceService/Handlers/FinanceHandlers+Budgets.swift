import FinanceAPI
import KansliProtocol
import KansliService

extension FinanceHandlers {
    static func budgetCreate(_ prepared: Prepared<BudgetCreate>, _ context: HandlerContext) throws -> Budget {
        let request = prepared.request
        try BudgetRules.check(committee: request.committee, year: request.year)
        try BudgetRules.check(lines: request.lines)
        let store = BudgetStore(connection: context.connection)
        guard try store.latest(committee: request.committee, year: request.year) == nil else {
            throw ServiceError.conflict("committee \(ServiceError.quote(request.committee)) already has a budget for \(request.year); change a draft with finance.budget.update or an adopted one with finance.budget.revise", field: "year")
        }
        let budget = Budget(committee: request.committee, year: request.year, lines: request.lines, note: request.note)
        try store.insert(budget, at: context.now)
        try context.audit(action: "create", entity: "budget", entityID: name(budget), summary: "draft with \(budget.lines.count) lines")
        return budget
    }

    static func budgetUpdate(_ request: BudgetUpdate, _ context: HandlerContext) throws -> Budget {
        try BudgetRules.check(lines: request.lines)
        let store = BudgetStore(connection: context.connection)
        var budget = try store.budget(request.budget)
        try requireLatest(budget, store: store)
        guard budget.status == .draft else {
            throw ServiceError.conflict("budget \(name(budget)) is \(budget.status.rawValue) and is never edited; make a new version with finance.budget.revise", field: "budget")
        }
        budget.lines = request.lines
        try store.replace(budget)
        try context.audit(action: "update", entity: "budget", entityID: name(budget), summary: "\(budget.lines.count) lines")
        return budget
    }

    /// The registry's facts and what documents says about the adopting paragraph.
    struct PreparedAdoption: Sendable {
        var request: BudgetAdopt
        var facts: RegistryFacts
        var justering: DocumentsJustering
    }

    static func prepareAdopt(_ request: BudgetAdopt, _ context: PrepareContext) throws -> PreparedAdoption {
        let committee = request.budget.committee
        try BudgetRules.check(committee: committee)
        guard request.adoption.paragraph >= 1, request.adoption.paragraph <= 10_000 else {
            throw ServiceError.validation("the paragraph (§) must be a positive number", field: "adoption.paragraph")
        }
        return PreparedAdoption(request: request, facts: try RegistryFacts.fetch(committee: committee, from: context.peers),
                                justering: try DocumentsJustering.fetch(committee: committee, date: request.adoption.protocolDate,
                                                                        paragraph: request.adoption.paragraph, from: context.peers))
    }

    static func budgetAdopt(_ prepared: PreparedAdoption, _ context: HandlerContext) throws -> Budget {
        let request = prepared.request
        let store = BudgetStore(connection: context.connection)
        var budget = try store.budget(request.budget)
        try requireLatest(budget, store: store)
        guard budget.status == .draft else {
            throw ServiceError.conflict("budget \(name(budget)) is already \(budget.status.rawValue)", field: "budget")
        }
        if let justerat = request.adoption.justeratOn, justerat < request.adoption.protocolDate {
            throw ServiceError.validation("the protocol cannot be justerat (\(justerat)) before its meeting (\(request.adoption.protocolDate))", field: "adoption.justeratOn")
        }
        let adoption = try prepared.justering.confirm(request.adoption, field: "adoption.justeratOn")
        // A budget that does not allocate cleanly with the registry's parties and keys is not adopted.
        _ = try allocate(budget, facts: prepared.facts, store: store)
        budget.adoption = adoption
        budget.status = adoption.justeratOn == nil ? .adoptedPendingJustering : .adopted
        try store.replace(budget)
        try supersedeEarlier(than: budget, store: store)
        try context.audit(action: "adopt", entity: "budget", entityID: name(budget), summary: "adopted at \(adoption)")
        return budget
    }

    /// The request and what documents says about the paragraph the budget was adopted at.
    struct PreparedJustering: Sendable {
        var request: BudgetJustering
        var justering: DocumentsJustering?
    }

    /// Asks documents about the adopting paragraph (the budget is read before the transaction to
    /// find it, and again inside it).
    static func prepareJustera(_ request: BudgetJustering, _ context: PrepareContext) throws -> PreparedJustering {
        let budget = try context.read { try BudgetStore(connection: $0).budget(request.budget) }
        guard let adoption = budget.adoption else { return PreparedJustering(request: request, justering: nil) }
        return PreparedJustering(request: request, justering: try DocumentsJustering.fetch(
            committee: request.budget.committee, date: adoption.protocolDate, paragraph: adoption.paragraph, from: context.peers))
    }

    static func budgetJustera(_ prepared: PreparedJustering, _ context: HandlerContext) throws -> Budget {
        let request = prepared.request
        let store = BudgetStore(connection: context.connection)
        var budget = try store.budget(request.budget)
        guard budget.status == .adoptedPendingJustering, var adoption = budget.adoption else {
            throw ServiceError.conflict("budget \(name(budget)) is \(budget.status.rawValue), not adopted pending justering", field: "budget")
        }
        guard request.justeratOn >= adoption.protocolDate else {
            throw ServiceError.validation("the protocol cannot be justerat (\(request.justeratOn)) before its meeting (\(adoption.protocolDate))", field: "justeratOn")
        }
        adoption.justeratOn = request.justeratOn
        adoption = try (prepared.justering ?? .notKept).confirm(adoption, field: "justeratOn")
        budget.adoption = adoption
        budget.status = .adopted
        try store.replace(budget)
        try context.audit(action: "justera", entity: "budget", entityID: name(budget), summary: "justerat \(request.justeratOn), \(adoption.confirmedBy ?? "")")
        return budget
    }

    static func budgetClose(_ request: BudgetRef, _ context: HandlerContext) throws -> Budget {
        let store = BudgetStore(connection: context.connection)
        var budget = try store.budget(request)
        guard budget.status == .adopted else {
            throw ServiceError.conflict("only an adopted budget is closed; \(name(budget)) is \(budget.status.rawValue)", field: "budget")
        }
        budget.status = .closed
        try store.replace(budget)
        try context.audit(action: "close", entity: "budget", entityID: name(budget), summary: "closed")
        return budget
    }

    static func budgetRevise(_ request: BudgetRevise, _ context: HandlerContext) throws -> Budget {
        try BudgetRules.check(lines: request.lines)
        try BudgetRules.check(reason: request.reason)
        let store = BudgetStore(connection: context.connection)
        let current = try store.budget(request.budget)
        try requireLatest(current, store: store)
        guard current.status == .adopted || current.status == .adoptedPendingJustering else {
            throw ServiceError.conflict("budget \(name(current)) is \(current.status.rawValue); only an adopted budget gets a new version (a draft is changed with finance.budget.update)", field: "budget")
        }
        let next = Budget(committee: current.committee, year: current.year, version: current.version + 1, lines: request.lines,
                          reason: request.reason, note: current.note)
        try store.insert(next, at: context.now)
        try context.audit(action: "revise", entity: "budget", entityID: name(next), summary: "new version: \(ServiceError.quote(request.reason, limit: 200))")
        return next
    }

    static func budgetIndex(_ prepared: Prepared<BudgetIndex>, _ context: HandlerContext) throws -> Budget {
        let request = prepared.request
        let store = BudgetStore(connection: context.connection)
        let source = try store.budget(request.budget)
        guard [.adopted, .adoptedPendingJustering, .closed].contains(source.status) else {
            throw ServiceError.conflict("budget \(name(source)) is \(source.status.rawValue); next year is indexed from an adopted budget", field: "budget")
        }
        guard try store.latest(committee: source.committee, year: source.year + 1) == nil else {
            throw ServiceError.conflict("committee \(ServiceError.quote(source.committee)) already has a budget for \(source.year + 1)", field: "budget")
        }
        // Shares are indexed as they were last allocated and stored (what the parties were told);
        // only a budget never allocated is allocated now, with the registry's current figures.
        let allocations = try store.latestAllocation(of: source)?.lines ?? allocate(source, facts: prepared.facts, store: store)
        let lines = try Indexer.index(source, allocations: allocations, by: request.indexation)
        try BudgetRules.check(lines: lines)
        let next = Budget(committee: source.committee, year: source.year + 1, lines: lines,
                          indexedFrom: IndexedFrom(year: source.year, version: source.version, indexation: request.indexation),
                          note: source.note)
        try store.insert(next, at: context.now)
        try context.audit(action: "index", entity: "budget", entityID: name(next), summary: "from \(name(source)) by \(request.indexation)")
        return next
    }

    static func budgetGet(_ request: BudgetRef, _ context: HandlerContext) throws -> Budget {
        try BudgetStore(connection: context.connection).budget(request)
    }

    static func budgetList(_ request: BudgetListRequest, _ context: HandlerContext) throws -> [BudgetSummary] {
        try BudgetStore(connection: context.connection).list(committee: request.committee).map(BudgetSummary.init)
    }

    /// Refuses a change to a version that a later one has replaced.
    static func requireLatest(_ budget: Budget, store: BudgetStore) throws {
        if let latest = try store.latest(committee: budget.committee, year: budget.year), latest.version != budget.version {
            throw ServiceError.conflict("budget \(name(budget)) has been replaced by version \(latest.version)", field: "budget.version")
        }
    }

    /// Marks the adopted versions before `budget` as superseded once it is adopted.
    static func supersedeEarlier(than budget: Budget, store: BudgetStore) throws {
        for var earlier in try store.list(committee: budget.committee)
        where earlier.year == budget.year && earlier.version < budget.version && earlier.status != .superseded {
            earlier.status = .superseded
            try store.replace(earlier)
        }
    }
}
