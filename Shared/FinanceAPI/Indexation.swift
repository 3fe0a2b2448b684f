/// How next year's budget follows from this year's: a factor, from a percentage (AKI 5.8 %:
/// 1058/1000) or from two index values (index next year / index this year).
public struct Indexation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The factor each amount is multiplied by.
    public var factor: Fraction
    /// What the figure is (`AKI 2023`, `2 % per the cooperation agreement`).
    public var label: String

    /// An indexation by `factor`.
    public init(factor: Fraction, label: String) {
        self.factor = factor
        self.label = label
    }

    /// An increase by `rate`, a ratio (`Fraction(parsing: "5.8%")` = 58/1000 for AKI 5.8 %):
    /// the factor 1 + rate. Nil when it would not fit.
    public static func increase(by rate: Fraction, label: String) -> Indexation? {
        let (top, overflow) = rate.denominator.addingReportingOverflow(rate.numerator)
        guard !overflow, let factor = Fraction(top, rate.denominator) else { return nil }
        return Indexation(factor: factor, label: label)
    }

    /// From index values: `to / from`.
    public static func indexValues(from: Int64, to: Int64, label: String) -> Indexation? {
        guard from > 0, let factor = Fraction(to, from) else { return nil }
        return Indexation(factor: factor, label: label)
    }

    /// `AKI 2023 (× 529/500)`.
    public var description: String { "\(label) (× \(factor))" }
}
