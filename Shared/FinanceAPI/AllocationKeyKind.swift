/// A yearly figure per party that a line can be allocated by; the raw values are the registry's
/// key kinds (`registry.yearlykey.*`).
public enum AllocationKeyKind: String, Codable, Sendable, CaseIterable {
    /// Population (*invånarantal*).
    case population
    /// Pupils (*elevantal*).
    case pupils
    /// Budget turnover (*budgetomslutning*).
    case budgetTurnover = "budget-turnover"
}
