/// Each participant's part of a line as an integer numerator over one common denominator:
/// party i's exact share is amount × numerators[i] / denominator, and the numerators sum to the
/// denominator. 128-bit, so amount (≤ 10¹⁵ öre) × numerator stays exact.
struct Weights {
    /// One per participant, in participant order, each ≥ 0.
    var numerators: [Int128]
    /// The common denominator, > 0.
    var denominator: Int128
    /// One description per participant (`population 4 100 of 368 800`).
    var descriptions: [String]

    /// The same weights in lowest terms.
    func reduced() -> Weights {
        var divisor = denominator
        for numerator in numerators where divisor != 1 { divisor = Weights.gcd(divisor, numerator) }
        guard divisor > 1 else { return self }
        return Weights(numerators: numerators.map { $0 / divisor }, denominator: denominator / divisor,
                       descriptions: descriptions)
    }

    /// The greatest common divisor of two non-negative numbers (the other when one is 0).
    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
