/// A non-negative ratio of two integers, kept in lowest terms: a mix's equal part (1/2), an
/// indexation factor (1058/1000), a party's weight in a line.
public struct Fraction: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The numerator, at least 0.
    public let numerator: Int64
    /// The denominator, at least 1.
    public let denominator: Int64

    /// `numerator / denominator` in lowest terms; nil when the denominator is not positive or the
    /// numerator negative.
    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator > 0, numerator >= 0 else { return nil }
        let divisor = Fraction.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// One half, the "50/50" model's equal part.
    public static let half = Fraction(1, 2)!

    /// Reads `1/2`, `0.5`, `5.8%` (= 58/1000) or `2 %`; nil when the text is none of these. At
    /// most 9 decimals, so the result stays exact in `Int64`.
    public init?(parsing text: String) {
        guard text.utf8.count <= 32 else { return nil }
        var body = Substring(text.filter { $0 != " " })
        var scale: Int64 = 1
        if body.hasSuffix("%") {
            body = body.dropLast()
            scale = 100
        }
        if let slash = body.firstIndex(of: "/") {
            guard scale == 1, let top = Int64(body[..<slash]), let bottom = Int64(body[body.index(after: slash)...])
            else { return nil }
            self.init(top, bottom)
            return
        }
        let parts = body.replacingOccurrences(",", ".").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000 else { return nil }
        var numerator = whole
        var denominator: Int64 = 1
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 9, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                  let decimals = Int64(parts[1]) else { return nil }
            for _ in 0..<parts[1].count {
                numerator *= 10
                denominator *= 10
            }
            numerator += decimals
        }
        self.init(numerator, denominator * scale)
    }

    /// `a/b`, or just `a` when the denominator is 1.
    public var description: String {
        denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    /// The greatest common divisor (1 for 0 and 0).
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int64(x)
    }

    /// Decodes and checks the invariants (a hostile peer may send 1/0).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let numerator = try container.decode(Int64.self, forKey: .numerator)
        let denominator = try container.decode(Int64.self, forKey: .denominator)
        guard let value = Fraction(numerator, denominator) else {
            throw DecodingError.dataCorruptedError(forKey: .denominator, in: container,
                                                   debugDescription: "a fraction needs a positive denominator and a non-negative numerator")
        }
        self = value
    }
}

extension Substring {
    /// The text with every `target` replaced by `replacement` (no Foundation here).
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
