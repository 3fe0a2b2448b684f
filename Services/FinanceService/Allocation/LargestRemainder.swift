/// Rounding exact shares to whole units so that they sum exactly to the total.
///
/// Each share is first rounded down; the units left over (fewer than the number of shares) go
/// one each to the shares with the largest remainders. Ties are broken by ascending
/// organisationsnummer, then by party code — a documented, deterministic order that does not
/// depend on the order the parties were listed in.
enum LargestRemainder {
    /// One participant's rounding.
    struct Result: Equatable {
        /// Whole units, rounded down.
        var floor: Int64
        /// Exact remainder numerator over the weights' denominator, 0 ≤ remainder < denominator.
        var remainder: Int128
        /// Whether it got one of the left-over units.
        var bumped: Bool
        /// The share rounded to the nearest unit (half up), for the explanation.
        var nearest: Int64
        /// The units it pays.
        var units: Int64 { floor + (bumped ? 1 : 0) }
    }

    /// Splits `units` whole units by `weights`; `order[i]` is participant i's tie-break key.
    /// Also answers whether the cut between bumped and not bumped fell inside a tie.
    /// Nil when units × a weight would not fit in 128 bits (weights too fine for the amount).
    static func split(units: Int64, weights: Weights, tieBreak order: [String]) -> (results: [Result], tieDecided: Bool)? {
        let total = Int128(units)
        guard weights.numerators.allSatisfy({ !total.multipliedReportingOverflow(by: $0).overflow }) else { return nil }
        var results = weights.numerators.map { numerator -> Result in
            let scaled = total * numerator
            let floor = scaled / weights.denominator
            let remainder = scaled % weights.denominator
            let nearest = floor + (2 * remainder >= weights.denominator ? 1 : 0)
            return Result(floor: Int64(floor), remainder: remainder, bumped: false, nearest: Int64(nearest))
        }
        let leftOver = units - results.reduce(0) { $0 + $1.floor }
        let ranked = results.indices.sorted { a, b in
            if results[a].remainder != results[b].remainder { return results[a].remainder > results[b].remainder }
            return order[a] < order[b]
        }
        for index in ranked.prefix(Int(leftOver)) { results[index].bumped = true }
        var tieDecided = false
        if leftOver > 0, Int(leftOver) < ranked.count {
            tieDecided = results[ranked[Int(leftOver) - 1]].remainder == results[ranked[Int(leftOver)]].remainder
        }
        return (results, tieDecided)
    }
}
