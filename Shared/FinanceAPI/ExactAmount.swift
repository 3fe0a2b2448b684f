/// An exact share of money: whole öre plus a remainder fraction of an öre, so that a share such as
/// 1 125 000 kr × 66 300 / 937 200 (= 79 585,467 34… kr) is kept without rounding.
public struct ExactAmount: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The whole öre (rounded down).
    public let wholeOre: Int64
    /// The remainder's numerator, `0 ≤ remainder < denominator`.
    public let remainder: Int64
    /// The remainder's denominator, at least 1; 1 when the amount is whole öre.
    public let denominator: Int64

    /// `wholeOre + remainder/denominator` öre, the fraction reduced to lowest terms.
    public init(wholeOre: Int64, remainder: Int64, denominator: Int64) {
        precondition(denominator > 0 && remainder >= 0 && remainder < denominator, "an exact amount's remainder lies in [0, denominator)")
        let divisor = Fraction.gcd(remainder, denominator)
        self.wholeOre = wholeOre
        self.remainder = remainder / divisor
        self.denominator = denominator / divisor
    }

    /// A whole amount.
    public init(_ money: Money) {
        self.init(wholeOre: money.ore, remainder: 0, denominator: 1)
    }

    /// Whether it is a whole number of öre.
    public var isWhole: Bool { remainder == 0 }

    /// The amount rounded down to whole öre.
    public var floor: Money { Money(ore: wholeOre) }

    /// Kronor with two decimals (rounded down) and, when not whole, the exact rest:
    /// `79 585,46 kr + 734/1000 öre`.
    public var description: String {
        let base = Money(ore: wholeOre).formattedWithOre()
        return isWhole ? base : base + " + \(remainder)/\(denominator) öre"
    }

    /// Decodes and checks the invariants.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let whole = try container.decode(Int64.self, forKey: .wholeOre)
        let remainder = try container.decode(Int64.self, forKey: .remainder)
        let denominator = try container.decode(Int64.self, forKey: .denominator)
        guard denominator > 0, remainder >= 0, remainder < denominator else {
            throw DecodingError.dataCorruptedError(forKey: .remainder, in: container,
                                                   debugDescription: "an exact amount needs 0 ≤ remainder < denominator")
        }
        self.init(wholeOre: whole, remainder: remainder, denominator: denominator)
    }
}

extension Money {
    /// Always with two decimals: `79 585,46 kr`, `80 500,00 kr`.
    public func formattedWithOre() -> String {
        let magnitude = ore.magnitude
        let fraction = magnitude % 100
        let text = Money.grouped(magnitude / 100) + "," + (fraction < 10 ? "0" : "") + String(fraction) + " kr"
        return ore < 0 ? "-" + text : text
    }
}
