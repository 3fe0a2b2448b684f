import FinanceAPI
import KansliProtocol

/// Next year's lines from this year's, by an indexation, exactly.
///
/// A line indexed on its `total` gets amount × factor rounded to the nearest unit (half up) and
/// keeps its model. A line indexed on its `shares` (and every `fixed` line, whose table must keep
/// summing to the line) gets each party's share × factor rounded to the nearest unit; the line's
/// amount is their sum. An equal-shares line whose indexed shares are still all equal stays
/// equal shares; otherwise the indexed shares become a fixed table. Key years and periods move
/// on by the number of years indexed over.
public enum Indexer {
    /// The lines of `budget` indexed to `budget.year + 1`; `allocations` are the shares of this
    /// year's allocated lines (needed for lines indexed on their shares).
    public static func index(_ budget: Budget, allocations: [LineAllocation], by indexation: Indexation) throws -> [BudgetLine] {
        // A carried result belongs to the year it was carried into, not to the years after.
        try budget.lines.filter { $0.carriedFrom == nil }.map { line in
            var next = line
            if var key = line.model.key {
                key.year += 1
                next.model.key = key
            }
            if let period = line.model.period {
                next.model.period = Period(from: period.from.addingYears(1), to: period.to.addingYears(1))
            }
            let byShares = line.allocated && (line.indexation == .shares || line.model.kind == .fixed)
            guard byShares else {
                next.amount = Money(ore: try nearest(line.amount.ore, times: indexation.factor, unit: line.unit.ore, line: line))
                return next
            }
            guard let allocation = allocations.first(where: { $0.objectCode == line.objectCode }) else {
                throw AllocationRefusal.refuse(line, "is indexed on its shares but has no allocation to index", field: "indexation")
            }
            let rows = try allocation.shares.map { share in
                PartyAmount(party: share.party,
                            value: try nearest(share.rounded.ore, times: indexation.factor, unit: line.unit.ore, line: line))
            }
            let table = PartyTable(rows: rows, source: "\(budget.year) shares × \(indexation)")
            next.amount = Money(ore: table.statedTotal)
            if line.model.kind == .equal, Set(rows.map(\.value)).count <= 1 {
                next.model = .equal
            } else {
                next.model = .fixed(table)
            }
            return next
        }
    }

    /// `ore × factor` rounded to the nearest multiple of `unit`, half up, in öre.
    static func nearest(_ ore: Int64, times factor: Fraction, unit: Int64, line: BudgetLine) throws -> Int64 {
        let scaled = Int128(ore) * Int128(factor.numerator)
        let divisor = Int128(factor.denominator) * Int128(unit)
        let units = (2 * scaled + divisor) / (2 * divisor)
        let result = units * Int128(unit)
        guard result <= Int128(Money.limit) else {
            throw AllocationRefusal.refuse(line, "indexed, the amount would exceed \(Money(ore: Money.limit))", field: "amount")
        }
        return Int64(result)
    }
}

extension CalendarDate {
    /// The same day `count` years later (29 February becomes 28 February in a common year).
    func addingYears(_ count: Int) -> CalendarDate {
        let target = year + count
        let lastDay = CalendarDate.daysIn(month: month, year: target)
        return CalendarDate(year: target, month: month, day: min(day, lastDay))!
    }
}
