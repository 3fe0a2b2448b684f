import KansliProtocol

/// An amount of Swedish money in whole öre (1 kr = 100 öre), never a floating-point number.
///
/// Budget figures are whole kronor or hundreds of kronor, but VAT, indexation and invoice lines
/// need öre, so every amount is kept in öre. Amounts are bounded by `Money.limit` so that the
/// allocation engine's products (amount × weight) stay exact in 128-bit integers.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in öre.
    public let ore: Int64

    /// The largest magnitude accepted from outside: 10¹⁵ öre (ten thousand billion kronor).
    public static let limit: Int64 = 1_000_000_000_000_000

    /// No money.
    public static let zero = Money(ore: 0)

    /// An amount of `ore` öre.
    public init(ore: Int64) {
        self.ore = ore
    }

    /// An amount of whole kronor.
    public init(kronor: Int64) {
        self.ore = kronor * 100
    }

    /// Whether the amount lies within ±`limit`.
    public var isWithinLimit: Bool { ore >= -Money.limit && ore <= Money.limit }

    /// Whether the amount is a whole number of kronor.
    public var isWholeKronor: Bool { ore % 100 == 0 }

    /// Whether the amount is a whole multiple of `unit` (a positive amount).
    public func isMultiple(of unit: Money) -> Bool { unit.ore > 0 && ore % unit.ore == 0 }

    /// The sum; traps only past `Int64`, which bounded inputs never reach.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(ore: lhs.ore + rhs.ore) }

    /// The difference.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(ore: lhs.ore - rhs.ore) }

    /// `count` times the amount.
    public static func * (lhs: Money, rhs: Int64) -> Money { Money(ore: lhs.ore * rhs) }

    /// Orders by amount.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.ore < rhs.ore }

    /// The amount as Swedish text: `1 127 000 kr`, `79 585,47 kr`, `-100 kr`.
    public var description: String { formatted() }

    /// The amount as Swedish text: a space between groups of three digits, a decimal comma and
    /// two decimals only when there are öre, and `kr` after it unless `unit` is false.
    public func formatted(unit: Bool = true) -> String {
        let magnitude = ore.magnitude
        var text = Money.grouped(magnitude / 100)
        if magnitude % 100 != 0 {
            let fraction = magnitude % 100
            text += "," + (fraction < 10 ? "0" : "") + String(fraction)
        }
        if ore < 0 { text = "-" + text }
        return unit ? text + " kr" : text
    }

    /// `value` with a space between groups of three digits.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(digit)
        }
        return out
    }

    /// Encodes as one integer (öre).
    public init(from decoder: any Decoder) throws {
        ore = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Encodes as one integer (öre).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ore)
    }
}
