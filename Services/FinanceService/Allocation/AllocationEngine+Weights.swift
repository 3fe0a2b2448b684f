import FinanceAPI
import KansliProtocol

extension AllocationEngine {
    /// The largest key figure, table value or quantity accepted (10¹²), so that weights and their
    /// sums stay exact in 128 bits.
    static let valueLimit: Int64 = 1_000_000_000_000

    /// The model's weights for `participants`, and what it read.
    static func weights(for line: BudgetLine, participants: [PartyFacts], context: AllocationContext) throws
        -> (Weights, AllocationInputs) {
        let count = Int128(participants.count)
        var inputs = AllocationInputs()
        let model = line.model
        switch model.kind {
        case .equal:
            return (Weights(numerators: participants.map { _ in 1 }, denominator: count,
                            descriptions: participants.map { _ in "1 of \(count)" }), inputs)
        case .key:
            let (values, figures) = try keyValues(line, participants: participants, context: context)
            inputs.keys = figures
            let total = values.reduce(0, +)
            let name = model.key!.description
            return (Weights(numerators: values, denominator: total,
                            descriptions: values.map { "\(name): \(grouped($0)) of \(grouped(total))" }), inputs)
        case .mix:
            guard let part = model.equalPart, part.numerator <= part.denominator, part.denominator <= 1_000_000 else {
                throw AllocationRefusal.refuse(line, "a mix needs an equal part between 0 and 1 with a denominator of at most 1 000 000", field: "model.equalPart")
            }
            let (values, figures) = try keyValues(line, participants: participants, context: context)
            inputs.keys = figures
            let total = values.reduce(0, +)
            let (a, b) = (Int128(part.numerator), Int128(part.denominator))
            // a/b · 1/n + (b−a)/b · w/W  =  (a·W + (b−a)·n·w) / (b·n·W)
            let name = model.key!.description
            return (Weights(numerators: values.map { a * total + (b - a) * count * $0 }, denominator: b * count * total,
                            descriptions: values.map { "\(part) equally (1 of \(count)) + the rest by \(name): \(grouped($0)) of \(grouped(total))" }),
                    inputs)
        case .proportional, .usage:
            let table: PartyTable
            if let reference = model.sourceLine {
                guard let found = context.lineDistributions[reference] else {
                    throw AllocationRefusal.refuse(line, "the line it follows, \(reference), has no allocation to follow", field: "model.sourceLine")
                }
                table = found
            } else {
                table = try checkedTable(line, participants: participants, context: context)
            }
            inputs.table = table
            let values = try tableValues(line, table: table, participants: participants, context: context, allowZero: true)
            let total = values.reduce(0, +)
            guard total > 0 else {
                throw AllocationRefusal.refuse(line, "the \(model.kind == .usage ? "quantities" : "weights") sum to zero", field: "model.table")
            }
            let word = model.kind == .usage ? "usage" : "weight"
            return (Weights(numerators: values, denominator: total,
                            descriptions: values.map { "\(word) \(grouped($0)) of \(grouped(total))" }), inputs)
        case .fixed:
            let table = try checkedTable(line, participants: participants, context: context)
            inputs.table = table
            guard table.statedTotal == line.amount.ore else {
                throw AllocationRefusal.refuse(line, "the fixed amounts total \(Money(ore: table.statedTotal)), not the line's \(line.amount)", field: "model.table")
            }
            let values = try tableValues(line, table: table, participants: participants, context: context, allowZero: true)
            let total = max(1, values.reduce(0, +))
            return (Weights(numerators: values, denominator: total,
                            descriptions: values.map { "fixed \(Money(ore: Int64($0)))" }), inputs)
        case .daysConnected:
            return try daysConnectedWeights(line, participants: participants, context: context, inputs: inputs)
        }
    }

    /// The key figure of each participant: present, positive and bounded, or a refusal naming the party.
    static func keyValues(_ line: BudgetLine, participants: [PartyFacts], context: AllocationContext) throws
        -> ([Int128], [KeyFigure]) {
        guard let key = line.model.key else {
            throw AllocationRefusal.refuse(line, "the model \(line.model.kind.rawValue) needs a key", field: "model.key")
        }
        // Grouped once, so a committee of 290 parties costs one pass, not 290 × 290.
        let figures = Dictionary(grouping: context.keys[key] ?? [], by: \.party)
        var values: [Int128] = []
        var used: [KeyFigure] = []
        for party in participants {
            let matching = figures[party.code] ?? []
            guard let figure = matching.first else {
                throw AllocationRefusal.refuse(line, "\(party.name) (\(party.code)) has no \(key) figure in the registry", field: "model.key")
            }
            guard matching.count == 1 else {
                throw AllocationRefusal.refuse(line, "\(party.name) (\(party.code)) has \(matching.count) \(key) figures", field: "model.key")
            }
            guard figure.value > 0 else {
                throw AllocationRefusal.refuse(line, "\(party.name) (\(party.code)) has a \(key) figure of \(figure.value); a key must be positive", field: "model.key")
            }
            guard figure.value <= valueLimit else {
                throw AllocationRefusal.refuse(line, "\(party.name) (\(party.code)) has a \(key) figure above \(valueLimit)", field: "model.key")
            }
            values.append(Int128(figure.value))
            used.append(figure)
        }
        return (values, used)
    }

    /// The line's own table, checked: rows sum to its stated total.
    static func checkedTable(_ line: BudgetLine, participants: [PartyFacts], context: AllocationContext) throws -> PartyTable {
        guard let table = line.model.table else {
            throw AllocationRefusal.refuse(line, "the model \(line.model.kind.rawValue) needs a per-party table", field: "model.table")
        }
        var sum: Int128 = 0
        for row in table.rows { sum += Int128(row.value) }
        guard sum == Int128(table.statedTotal) else {
            let isMoney = line.model.kind == .fixed
            let show: (Int128) -> String = { isMoney ? Money(ore: Int64(clamping: $0)).description : grouped($0) }
            throw AllocationRefusal.refuse(line, "the table's \(table.rows.count) rows sum to \(show(sum)), not to its stated total \(show(Int128(table.statedTotal)))", field: "model.table")
        }
        return table
    }

    /// The table's value for each participant: every participant has exactly one row, every row
    /// is a participant's, no value is negative or beyond the limit.
    static func tableValues(_ line: BudgetLine, table: PartyTable, participants: [PartyFacts], context: AllocationContext,
                            allowZero: Bool) throws -> [Int128] {
        var byParty: [String: Int64] = [:]
        let codes = Set(participants.map(\.code))
        let committee = Set(context.parties.map(\.code))
        for row in table.rows {
            // The label is only built for a refusal (it searches the parties).
            var who: String { AllocationRefusal.label(party: row.party, in: context.parties) }
            guard byParty[row.party] == nil else {
                throw AllocationRefusal.refuse(line, "\(who) has two rows in the table", field: "model.table")
            }
            guard committee.contains(row.party) else {
                throw AllocationRefusal.refuse(line, "the table has a row for \(who), which is not a party of the committee", field: "model.table")
            }
            guard codes.contains(row.party) else {
                throw AllocationRefusal.refuse(line, "the table has a row for \(who), which does not take part in the line", field: "model.table")
            }
            guard row.value >= 0, row.value <= max(valueLimit, Money.limit) else {
                throw AllocationRefusal.refuse(line, "\(who) has the value \(row.value); it must lie between 0 and \(valueLimit)", field: "model.table")
            }
            byParty[row.party] = row.value
        }
        return try participants.map { party in
            guard let value = byParty[party.code] else {
                throw AllocationRefusal.refuse(line, "the table has no row for \(party.name) (\(party.code)), which takes part", field: "model.table")
            }
            return Int128(value)
        }
    }

    /// `368 800`.
    static func grouped(_ value: Int128) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 && digit != "-" { out.append(" ") }
            out.append(digit)
        }
        return out
    }
}
