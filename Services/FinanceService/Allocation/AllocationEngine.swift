import FinanceAPI
import KansliProtocol

/// Divides budget lines among the parties, exactly: pure functions of a line and an
/// `AllocationContext`, no I/O, no floating point.
///
/// The rule, for every model:
/// 1. The participants are the line's `participants` (each a member of the committee in the
///    budget year, none twice), or every party that is a member on some day of the year.
/// 2. The model gives each participant an integer weight over a common denominator
///    (`Weights`), so each exact share is amount × weight / denominator with nothing lost.
/// 3. The shares are rounded to the line's unit by largest remainder (`LargestRemainder`): they
///    sum exactly to the amount; ties go by ascending organisationsnummer.
/// 4. Each share records its weight, exact value, nearest rounding and the adjustment the
///    remainder rule gave it; the line records its inputs and explains itself in sentences.
public enum AllocationEngine {
    /// Allocates one line.
    public static func allocate(_ line: BudgetLine, context: AllocationContext) throws -> LineAllocation {
        try checkAmount(line)
        let participants = try self.participants(of: line, context: context)
        let (weights, inputs) = try self.weights(for: line, participants: participants, context: context)
        return try round(line, participants: participants, weights: weights.reduced(), inputs: inputs, context: context)
    }

    /// Allocates every allocated line of a budget in order; lines that follow another line of
    /// the same budget (`proportional` to a `sourceLine` without a year) see its shares.
    public static func allocate(_ budget: Budget, context: AllocationContext) throws -> [LineAllocation] {
        var context = context
        var results: [LineAllocation] = []
        for line in budget.lines where line.allocated {
            let result = try allocate(line, context: context)
            context.lineDistributions[LineReference(year: nil, objectCode: line.objectCode)] =
                PartyTable(rows: result.shares.map { PartyAmount(party: $0.party, value: $0.rounded.ore) },
                           source: "line \(line.objectCode) of \(budget.year)")
            results.append(result)
        }
        return results
    }

    static func checkAmount(_ line: BudgetLine) throws {
        guard line.amount.ore >= 0, line.amount.isWithinLimit else {
            throw AllocationRefusal.refuse(line, "the amount \(line.amount) must lie between 0 and \(Money(ore: Money.limit))", field: "amount")
        }
        guard line.unit.ore > 0, line.unit.isWithinLimit else {
            throw AllocationRefusal.refuse(line, "the rounding unit \(line.unit) must be positive", field: "unit")
        }
        guard line.amount.isMultiple(of: line.unit) else {
            throw AllocationRefusal.refuse(line, "the amount \(line.amount) is not a whole number of units of \(line.unit)", field: "amount")
        }
    }

    /// The parties that share the line, in the committee's order.
    static func participants(of line: BudgetLine, context: AllocationContext) throws -> [PartyFacts] {
        let year = Period.year(context.year)
        guard let listed = line.participants else {
            let members = context.parties.filter { $0.isMember(during: year) }
            guard !members.isEmpty else {
                throw AllocationRefusal.refuse(line, "no party is a member of the committee in \(context.year)", field: "participants")
            }
            return members
        }
        guard !listed.isEmpty else {
            throw AllocationRefusal.refuse(line, "the list of participants is empty", field: "participants")
        }
        let byCode = Dictionary(context.parties.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        for code in listed {
            guard seen.insert(code).inserted else {
                throw AllocationRefusal.refuse(line, "\(AllocationRefusal.label(party: code, in: context.parties)) is listed twice among the participants", field: "participants")
            }
            guard let party = byCode[code] else {
                throw AllocationRefusal.refuse(line, "\(AllocationRefusal.label(party: code, in: context.parties)) is not a party of the committee", field: "participants")
            }
            guard party.isMember(during: year) else {
                throw AllocationRefusal.refuse(line, "\(AllocationRefusal.label(party: code, in: context.parties)) is not a member of the committee in \(context.year)", field: "participants")
            }
        }
        return context.parties.filter { seen.contains($0.code) }
    }
}
