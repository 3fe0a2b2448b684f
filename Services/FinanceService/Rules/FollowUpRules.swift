import FinanceAPI
import KansliProtocol

/// The follow-up rules as pure functions: what an outcome entry or forecast must be, the report
/// (deviations computed, never entered), the result of a year and the line that carries it.
enum FollowUpRules {
    /// The most entries or forecasts one request may hold.
    static let maximumEntries = 10_000
    /// The longest source or note.
    static let maximumTextLength = 2_000

    /// Checks entries against the budget: each names one of its lines (code and direction),
    /// lies within the year, is within the money limit, none twice in the request.
    static func check(_ entries: [OutcomeEntry], budget: Budget) throws {
        guard entries.count <= maximumEntries else {
            throw ServiceError.validation("at most \(maximumEntries) entries at once, not \(entries.count)", field: "entries")
        }
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            let field = "entries[\(index)]"
            try checkLine(entry.objectCode, entry.direction, budget: budget, field: field)
            try BillingRules.check(period: entry.period, year: budget.year)
            guard entry.amount.isWithinLimit else {
                throw ServiceError.validation("the amount \(entry.amount) is beyond the limit", field: "\(field).amount")
            }
            guard (entry.source ?? "").count <= maximumTextLength else {
                throw ServiceError.validation("the source is longer than \(maximumTextLength) characters", field: "\(field).source")
            }
            guard seen.insert("\(entry.objectCode) \(entry.direction.rawValue) \(entry.period)").inserted else {
                throw ServiceError.validation("line \(ServiceError.quote(entry.objectCode)) has two entries for \(entry.period)", field: field)
            }
        }
    }

    /// Checks forecasts against the budget.
    static func check(_ forecasts: [Forecast], budget: Budget) throws {
        guard forecasts.count <= maximumEntries else {
            throw ServiceError.validation("at most \(maximumEntries) forecasts at once, not \(forecasts.count)", field: "forecasts")
        }
        var seen = Set<String>()
        for (index, forecast) in forecasts.enumerated() {
            let field = "forecasts[\(index)]"
            try checkLine(forecast.objectCode, forecast.direction, budget: budget, field: field)
            guard forecast.amount.isWithinLimit else {
                throw ServiceError.validation("the amount \(forecast.amount) is beyond the limit", field: "\(field).amount")
            }
            guard (forecast.note ?? "").count <= maximumTextLength else {
                throw ServiceError.validation("the note is longer than \(maximumTextLength) characters", field: "\(field).note")
            }
            guard seen.insert("\(forecast.objectCode) \(forecast.direction.rawValue)").inserted else {
                throw ServiceError.validation("line \(ServiceError.quote(forecast.objectCode)) has two forecasts", field: field)
            }
        }
    }

    static func checkLine(_ code: String, _ direction: LineDirection, budget: Budget, field: String) throws {
        guard budget.lines.contains(where: { $0.objectCode == code && $0.direction == direction }) else {
            throw ServiceError.validation("budget \(budget.year) v\(budget.version) has no \(direction.rawValue) line with object code \(ServiceError.quote(code))", field: "\(field).objectCode")
        }
    }

    /// The report: per line, the budget, the sum of its entries ending by `through`, its
    /// forecast, and the deviations; the totals follow.
    static func report(budget: Budget, outcome: [OutcomeEntry], forecasts: [Forecast], through: CalendarDate?) -> FollowUpReport {
        var sums: [String: Money] = [:]
        for entry in outcome where through.map({ entry.period.to <= $0 }) ?? true {
            let key = "\(entry.direction.rawValue) \(entry.objectCode)"
            sums[key, default: .zero] = sums[key, default: .zero] + entry.amount
        }
        var predicted: [String: Money] = [:]
        for forecast in forecasts { predicted["\(forecast.direction.rawValue) \(forecast.objectCode)"] = forecast.amount }
        let lines = budget.lines.map { line in
            let key = "\(line.direction.rawValue) \(line.objectCode)"
            return FollowUpLine(objectCode: line.objectCode, name: line.name, direction: line.direction, budget: line.amount,
                                outcome: sums[key] ?? .zero, forecast: predicted[key])
        }
        return FollowUpReport(committee: budget.committee, year: budget.year, budgetVersion: budget.version, through: through, lines: lines)
    }

    /// The line that carries a year's `result` into the next: a deficit is income the parties
    /// pay; a surplus is a cost line allocated to them, what is paid back (an amount is never
    /// negative). Outside the scope of VAT, one-krona unit, allocated by `model`.
    static func carriedLine(result: Money, year: Int, objectCode: String?, model: AllocationModel?) -> BudgetLine? {
        guard result != .zero else { return nil }
        let surplus = result > .zero
        let amount = Money(ore: result.ore.magnitude > UInt64(Int64.max) ? Int64.max : Int64(result.ore.magnitude))
        return BudgetLine(
            objectCode: objectCode ?? "RES-\(year)", name: surplus ? "Överskott \(year) att återföra" : "Underskott \(year) att täcka",
            direction: surplus ? .cost : .income, amount: amount,
            vat: VATTreatment(rate: .outsideScope, reason: "the result of \(year) carried between the parties under the cooperation agreement"),
            unit: Money(ore: amount.ore % 100 == 0 ? 100 : 1), model: model ?? .equal, allocated: true,
            note: surplus ? "The surplus of \(year) (income outcome − cost outcome), paid back to the parties."
                : "The deficit of \(year) (cost outcome − income outcome), paid by the parties.", carriedFrom: year)
    }
}
