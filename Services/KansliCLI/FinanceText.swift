import FinanceAPI

/// How the finance commands write budgets and allocations as text: tables like the seeds'
/// (parties as rows, lines as columns, a sum row), amounts in kronor with a space between
/// thousands, numbers right-aligned.
enum FinanceText {
    /// Columns aligned: the first `left` to the left (names), the others to the right (amounts).
    static func table(_ header: [String], _ rows: [[String]], sumRow: [String]? = nil, left: Int = 1) -> String {
        let all = [header] + rows + (sumRow.map { [$0] } ?? [])
        let count = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in all { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func format(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index < left ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [format(header), rule] + rows.map(format)
        if let sumRow { lines += [rule, format(sumRow)] }
        return lines.joined(separator: "\n")
    }

    /// `1 127 000` (kronor, öre only when there are some).
    static func amount(_ money: Money) -> String { money.formatted(unit: false) }

    /// The allocation as the seed's tables: one row per party (the host marked), one column per
    /// line, a sum row; then each line's explanation when `explain`.
    static func allocation(_ allocation: BudgetAllocation, explain: Bool) -> String {
        let run = allocation.run == 0 ? "preview, not stored" : "run \(allocation.run)"
        var text = "Allocation of budget \(allocation.year) v\(allocation.version), \(allocation.committee) (\(run)), kronor\n\n"
        guard !allocation.lines.isEmpty else { return text + "No allocated lines." }
        var parties: [(code: String, name: String, host: Bool)] = []
        for line in allocation.lines {
            for share in line.shares where !parties.contains(where: { $0.code == share.party }) {
                parties.append((share.party, share.name, share.isHost))
            }
        }
        let header = ["party"] + allocation.lines.map(\.name) + ["total"]
        let rows = parties.map { party -> [String] in
            var total = Money.zero
            let cells = allocation.lines.map { line -> String in
                guard let share = line.share(of: party.code) else { return "–" }
                total = total + share.rounded
                return amount(share.rounded)
            }
            return [party.name + (party.host ? " (host)" : "")] + cells + [amount(total)]
        }
        let sum = ["Summa"] + allocation.lines.map { amount($0.amount) }
            + [amount(allocation.lines.reduce(Money.zero) { $0 + $1.amount })]
        text += table(header, rows, sumRow: sum)
        if allocation.lines.contains(where: { $0.shares.contains(where: \.isHost) }) {
            text += "\n\n(host): booked internally, never invoiced."
        }
        if explain {
            for line in allocation.lines {
                text += "\n\n" + line.explanation.joined(separator: "\n")
                let rows = line.shares.map { share in
                    [share.name, share.weightDescription, share.exact.description, amount(share.rounded),
                     share.adjustment == .zero ? "" : (share.adjustment.ore > 0 ? "+" : "") + amount(share.adjustment)]
                }
                text += "\n" + table(["party", "weight", "exact share", "share", "adjustment"], rows, left: 2)
            }
        }
        return text
    }

    /// A budget version: its status and adoption, then its lines with model, VAT and amount.
    static func budget(_ budget: Budget) -> String {
        var head = "Budget \(budget.year) v\(budget.version), \(budget.committee): \(budget.status.rawValue)"
        if let adoption = budget.adoption {
            head += ", adopted \(adoption)" + (adoption.justeratOn.map { ", justerat \($0)" } ?? "")
        }
        if let reason = budget.reason { head += "\nReason for this version: \(reason)" }
        if let from = budget.indexedFrom { head += "\nIndexed from \(from.year) v\(from.version) by \(from.indexation)" }
        if let note = budget.note { head += "\nNote: \(note)" }
        var sections: [String] = [head]
        for direction in LineDirection.allCases {
            let lines = budget.lines.filter { $0.direction == direction }
            guard !lines.isEmpty else { continue }
            let rows = lines.map { line in
                [line.objectCode, line.name, line.allocated ? line.model.description : "not allocated", line.vat.rate.rawValue,
                 amount(line.unit), amount(line.amount)]
            }
            let title = direction == .income ? "Income" : "Costs"
            sections.append(title + "\n" + table(["object", "name", "model", "VAT", "unit", "amount"], rows,
                                                 sumRow: ["Summa", "", "", "", "", amount(budget.total(direction))], left: 4))
        }
        return sections.joined(separator: "\n\n")
    }

    /// The budget versions of a committee.
    static func list(_ summaries: [BudgetSummary]) -> String {
        guard !summaries.isEmpty else { return "No budgets." }
        return table(["year", "version", "status", "adopted", "income", "costs"], summaries.map {
            [String($0.year), String($0.version), $0.status.rawValue, $0.adoption?.description ?? "", amount($0.income), amount($0.cost)]
        }, left: 0)
    }
}

extension FinanceText {
    /// What differs between two allocations of the same budget, one sentence per change: lines
    /// added or removed, shares that moved, party facts and key figures that changed.
    static func differences(from old: BudgetAllocation, to new: BudgetAllocation) -> [String] {
        var changes: [String] = []
        for line in new.lines where !old.lines.contains(where: { $0.objectCode == line.objectCode }) {
            changes.append("line \(line.objectCode) is new")
        }
        for line in old.lines {
            guard let current = new.lines.first(where: { $0.objectCode == line.objectCode }) else {
                changes.append("line \(line.objectCode) is gone")
                continue
            }
            for share in line.shares {
                let now = current.share(of: share.party)?.rounded ?? .zero
                if now != share.rounded {
                    changes.append("\(line.objectCode), \(share.name): \(amount(share.rounded)) → \(amount(now))")
                }
            }
            for share in current.shares where line.share(of: share.party) == nil {
                changes.append("\(line.objectCode), \(share.name): takes part now, \(amount(share.rounded))")
            }
            for figure in current.inputs.keys {
                let before = line.inputs.keys.first { $0.party == figure.party && $0.kind == figure.kind && $0.year == figure.year }
                if before != figure {
                    let was = before.map { "\($0.value) (\($0.source))" } ?? "none"
                    changes.append("\(line.objectCode), \(figure.kind.rawValue) \(figure.year) of \(figure.party): \(was) → \(figure.value) (\(figure.source))")
                }
            }
        }
        for party in new.parties where !old.parties.contains(party) {
            changes.append("party \(party.code): its registry record changed (\(party.name), \(party.organisationNumber), joined \(party.joinedOn)\(party.leftOn.map { ", left \($0)" } ?? ""))")
        }
        return changes
    }
}

extension String {
    /// The text without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
