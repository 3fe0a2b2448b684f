/// What an indexation to next year applies to, as the line says.
public enum IndexationBase: String, Codable, Sendable, CaseIterable {
    /// The line's total is indexed and rounded to the line's unit, then allocated anew:
    /// 1 065 400 × 1.058 → 1 127 200 → 12 × 80 500 + 2 × 80 600.
    case total
    /// Each party's share is indexed and rounded to the unit; the line is their sum:
    /// 76 100 × 1.058 → 80 500, 14 × 80 500 = 1 127 000 (seed 002's 2023 figure).
    case shares
}
