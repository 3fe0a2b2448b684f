import FinanceAPI
import KansliProtocol

extension AllocationEngine {
    /// Rounds the exact shares to the line's unit by largest remainder and explains the result.
    static func round(_ line: BudgetLine, participants: [PartyFacts], weights: Weights, inputs: AllocationInputs,
                      context: AllocationContext) throws -> LineAllocation {
        let unit = line.unit.ore
        let units = line.amount.ore / unit
        // Hostile parameters (a mix with a huge equal-part denominator) could make amount × weight
        // overflow 128 bits: refused, never trapped.
        guard weights.numerators.allSatisfy({ !Int128(line.amount.ore).multipliedReportingOverflow(by: $0).overflow }),
              let (results, tieDecided) = LargestRemainder.split(units: units, weights: weights,
                                                                 tieBreak: participants.map { $0.organisationNumber + " " + $0.code })
        else {
            throw AllocationRefusal.refuse(line, "the weights are too fine to compute exactly for this amount", field: "model")
        }
        var shares: [PartyShare] = []
        for (index, party) in participants.enumerated() {
            let numerator = weights.numerators[index]
            let scaled = Int128(line.amount.ore) * numerator
            let remainder = scaled % weights.denominator
            let divisor = Weights.gcd(remainder, weights.denominator)
            let weightDivisor = Weights.gcd(numerator, weights.denominator)
            guard weights.denominator / divisor <= Int128(Int64.max), weights.denominator / weightDivisor <= Int128(Int64.max) else {
                throw AllocationRefusal.refuse(line, "the weights are too fine to state exactly", field: "model")
            }
            let exact = ExactAmount(wholeOre: Int64(scaled / weights.denominator), remainder: Int64(remainder / divisor),
                                    denominator: Int64(weights.denominator / divisor))
            let result = results[index]
            let nearest = Money(ore: result.nearest * unit)
            let rounded = Money(ore: result.units * unit)
            shares.append(PartyShare(party: party.code, name: party.name, organisationNumber: party.organisationNumber,
                                     isHost: party.isHost,
                                     weight: Fraction(Int64(numerator / weightDivisor), Int64(weights.denominator / weightDivisor))!,
                                     weightDescription: weights.descriptions[index], exact: exact, nearest: nearest,
                                     rounded: rounded, adjustment: rounded - nearest))
        }
        let explanation = explain(line, shares: shares, results: results, tieDecided: tieDecided, inputs: inputs)
        return LineAllocation(objectCode: line.objectCode, name: line.name, amount: line.amount, unit: line.unit,
                              model: line.model, shares: shares, explanation: explanation, inputs: inputs)
    }

    /// The sentences that say how the shares came about.
    static func explain(_ line: BudgetLine, shares: [PartyShare], results: [LargestRemainder.Result], tieDecided: Bool,
                        inputs: AllocationInputs) -> [String] {
        var sentences = ["\(line.name) (\(line.objectCode)): \(line.amount), \(line.model.description), among \(shares.count) parties, rounded to \(line.unit)."]
        let floorSum = Money(ore: results.reduce(0) { $0 + $1.floor } * line.unit.ore)
        let bumped = shares.indices.filter { results[$0].bumped }
        if !bumped.isEmpty {
            let names = bumped.map { shares[$0].name }.joined(separator: ", ")
            let what = bumped.count == 1 ? "the 1 unit of \(line.unit) left goes" : "the \(bumped.count) units of \(line.unit) left go"
            sentences.append("Rounded down to \(line.unit) the shares sum to \(floorSum); \(what) by largest remainder to \(names)"
                             + (tieDecided ? "; where the remainders are equal, ascending organisationsnummer decides." : "."))
        }
        let nearestSum = shares.reduce(Money.zero) { $0 + $1.nearest }
        let adjusted = shares.filter { $0.adjustment != .zero }
        if adjusted.isEmpty {
            sentences.append("Every share is its exact value rounded to the nearest \(line.unit), and they sum to \(line.amount).")
        } else {
            let difference = line.amount - nearestSum
            let gap = difference.ore > 0 ? "\(difference) short of" : "\(Money(ore: -difference.ore)) over"
            let moves = adjusted.map { share in
                let sign = share.adjustment.ore > 0 ? "+" : "-"
                return "\(share.name) \(sign)\(Money(ore: abs(share.adjustment.ore))) (\(nearestOre(share.exact)) → \(share.rounded.formatted(unit: false)))"
            }.joined(separator: ", ")
            sentences.append("Rounded to the nearest \(line.unit) the shares would sum to \(nearestSum), \(gap) \(line.amount); so \(moves).")
        }
        for share in shares where share.isHost {
            sentences.append("\(share.name) is the host: its share \(share.rounded) is booked internally, never invoiced.")
        }
        if inputs.keys.contains(where: \.illustrative) {
            sentences.append("Some key figures are illustrative, not official: \(Set(inputs.keys.filter(\.illustrative).map(\.source)).sorted().first ?? "").")
        }
        return sentences
    }

    /// The exact amount to the nearest öre for a sentence (`79 585,47`); the share keeps it exactly.
    static func nearestOre(_ exact: ExactAmount) -> String {
        let ore = exact.wholeOre + (2 * Int128(exact.remainder) >= Int128(exact.denominator) && exact.remainder > 0 ? 1 : 0)
        let money = Money(ore: ore)
        return money.isWholeKronor ? money.formatted(unit: false) : money.formattedWithOre().replacingSuffix(" kr")
    }
}

extension String {
    /// The text without `suffix` at its end.
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
