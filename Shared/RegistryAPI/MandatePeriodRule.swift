/// Which mandate periods a committee's appointments may name (`Committee.mandatePeriodRule`).
public enum MandatePeriodRule: String, RegistryEnumeration, Sendable {
    /// The terms of office that follow Sweden's general elections: four years from the January
    /// after an election year (2011–2014, 2015–2018, 2019–2022, 2023–2026 …). The default.
    case electionTerms = "election-terms"
    /// Any period of whole years, at most four: for a committee whose agreement sets its own terms.
    case any
}
