/// A yearly figure per party that costs are allocated by (*fördelningsnyckel*).
public enum KeyKind: String, RegistryEnumeration, Sendable {
    /// Population (*invånarantal*), usually SCB's figure for 31 December of the year before.
    case population
    /// Pupils (*elevantal*), usually SCB's count of 15 October of the year before.
    case pupils
    /// Budget turnover (*budgetomslutning*) in whole kronor, usually from the annual accounts of the
    /// year before last.
    case budgetTurnover = "budget-turnover"
}
