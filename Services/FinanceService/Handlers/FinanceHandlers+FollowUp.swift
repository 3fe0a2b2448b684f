import FinanceAPI
import KansliPlatform
import KansliProtocol
import KansliService

extension FinanceHandlers {
    /// The latest budget version of a year, refused once the year is closed (read-only).
    static func openBudget(_ year: YearRef, store: BudgetStore) throws -> Budget {
        let budget = try store.budget(BudgetRef(committee: year.committee, year: year.year))
        guard budget.status != .closed else {
            throw ServiceError.conflict("the year \(year.year) of committee \(ServiceError.quote(year.committee)) is closed and read-only", field: "year")
        }
        return budget
    }

    static func outcomeRecord(_ request: OutcomeRecord, _ context: HandlerContext) throws -> [OutcomeEntry] {
        let budget = try openBudget(request.year, store: BudgetStore(connection: context.connection))
        return try record(request.entries, budget: budget, what: "\(request.entries.count) entries", context)
    }

    static func outcomeImport(_ request: OutcomeImport, _ context: HandlerContext) throws -> [OutcomeEntry] {
        let budget = try openBudget(request.year, store: BudgetStore(connection: context.connection))
        let source = request.source.trimmingWhitespace()
        guard !source.isEmpty, source.count <= FollowUpRules.maximumTextLength else {
            throw ServiceError.validation("say where the CSV comes from (1 to \(FollowUpRules.maximumTextLength) characters)", field: "source")
        }
        let entries = try OutcomeCSV.entries(request.csv, budget: budget, source: source)
        return try record(entries, budget: budget, what: "\(entries.count) entries from \(ServiceError.quote(source, limit: 100))", context)
    }

    static func record(_ entries: [OutcomeEntry], budget: Budget, what: String, _ context: HandlerContext) throws -> [OutcomeEntry] {
        try FollowUpRules.check(entries, budget: budget)
        let store = FollowUpStore(connection: context.connection)
        for entry in entries { try store.record(entry, committee: budget.committee, year: budget.year, at: context.now) }
        try context.audit(action: "record", entity: "outcome", entityID: "\(budget.committee)/\(budget.year)", summary: what)
        return try store.outcome(committee: budget.committee, year: budget.year)
    }

    static func outcomeList(_ request: YearRef, _ context: HandlerContext) throws -> [OutcomeEntry] {
        try FollowUpStore(connection: context.connection).outcome(committee: request.committee, year: request.year)
    }

    static func forecastSet(_ request: ForecastSet, _ context: HandlerContext) throws -> [Forecast] {
        let budget = try openBudget(request.year, store: BudgetStore(connection: context.connection))
        try FollowUpRules.check(request.forecasts, budget: budget)
        let store = FollowUpStore(connection: context.connection)
        for forecast in request.forecasts { try store.set(forecast, committee: budget.committee, year: budget.year, at: context.now) }
        try context.audit(action: "forecast", entity: "outcome", entityID: "\(budget.committee)/\(budget.year)",
                          summary: "\(request.forecasts.count) forecasts")
        return try store.forecasts(committee: budget.committee, year: budget.year)
    }

    static func forecastList(_ request: YearRef, _ context: HandlerContext) throws -> [Forecast] {
        try FollowUpStore(connection: context.connection).forecasts(committee: request.committee, year: request.year)
    }

    static func followUp(_ request: FollowUpRequest, _ context: HandlerContext) throws -> FollowUpReport {
        let budget = try BudgetStore(connection: context.connection).budget(BudgetRef(committee: request.year.committee, year: request.year.year))
        let store = FollowUpStore(connection: context.connection)
        return FollowUpRules.report(budget: budget, outcome: try store.outcome(committee: budget.committee, year: budget.year),
                                    forecasts: try store.forecasts(committee: budget.committee, year: budget.year), through: request.through)
    }

    /// Closes a year: the whole year's outcome against the budget, the result (income − cost
    /// outcome) carried into next year's budget as its own allocated line — into its draft, a
    /// new draft version of an adopted budget, or a new draft — and the year made read-only.
    static func yearClose(_ request: YearClose, _ context: HandlerContext) throws -> YearClosing {
        let budgets = BudgetStore(connection: context.connection)
        var budget = try budgets.budget(BudgetRef(committee: request.year.committee, year: request.year.year))
        guard budget.status == .adopted else {
            throw ServiceError.conflict("budget \(name(budget)) is \(budget.status.rawValue); only an adopted year is closed", field: "year")
        }
        let store = FollowUpStore(connection: context.connection)
        let report = FollowUpRules.report(budget: budget, outcome: try store.outcome(committee: budget.committee, year: budget.year),
                                          forecasts: [], through: nil)
        let result = report.net.outcome
        var carriedTo: BudgetRef?
        let line = FollowUpRules.carriedLine(result: result, year: budget.year, objectCode: request.objectCode, model: request.model)
        if let line {
            try BudgetRules.check(lines: [line])
            let next = try budgets.latest(committee: budget.committee, year: budget.year + 1)
            var target: Budget
            switch next?.status {
            case nil:
                target = Budget(committee: budget.committee, year: budget.year + 1, lines: [line],
                                note: "Made when \(budget.year) was closed, to carry its result.")
                try BudgetRules.check(lines: target.lines)
                try budgets.insert(target, at: context.now)
            case .draft?:
                target = next!
                target.lines.append(line)
                try BudgetRules.check(lines: target.lines)
                try budgets.replace(target)
            case .adopted?, .adoptedPendingJustering?:
                let current = next!
                target = Budget(committee: current.committee, year: current.year, version: current.version + 1, lines: current.lines + [line],
                                reason: "the result of \(budget.year) (\(result)) carried when the year was closed", note: current.note)
                try BudgetRules.check(lines: target.lines)
                try budgets.insert(target, at: context.now)
            case .closed?, .superseded?:
                throw ServiceError.conflict("budget \(name(next!)) is \(next!.status.rawValue); the result of \(budget.year) cannot be carried into it", field: "year")
            }
            carriedTo = BudgetRef(committee: target.committee, year: target.year, version: target.version)
        }
        budget.status = .closed
        try budgets.replace(budget)
        let closing = YearClosing(committee: budget.committee, year: budget.year, budgetVersion: budget.version, lines: report.lines,
                                  result: result, carriedTo: carriedTo, carriedLine: line, closedAt: context.now.iso8601(.milliseconds),
                                  closedBy: context.keyID)
        try store.insert(closing, at: context.now)
        try context.audit(action: "close", entity: "year", entityID: "\(budget.committee)/\(budget.year)",
                          summary: "result \(result)\(carriedTo.map { ", carried to \($0.year) v\($0.version ?? 1)" } ?? "")")
        return closing
    }

    static func yearGet(_ request: YearRef, _ context: HandlerContext) throws -> YearClosing {
        guard let closing = try FollowUpStore(connection: context.connection).closing(committee: request.committee, year: request.year) else {
            throw ServiceError.notFound("the year \(request.year) of committee \(ServiceError.quote(request.committee)) is not closed", field: "year")
        }
        return closing
    }
}
