import KansliProtocol
import RegistryAPI

/// Rules for yearly allocation key figures: the party exists, the year and value are sensible,
/// the reference date lies at most three years before the budget year, and the source is named.
public enum YearlyKeyRules {
    /// The range of budget years accepted.
    public static let years = 1900...2999

    /// Checks `key` within the committee in `state`.
    public static func validate(_ key: YearlyKey, in state: CommitteeState, at path: FieldPath) throws(ServiceError) {
        guard let party = state.party(key.party) else {
            throw state.missing("party", key.party, field: path("party"))
        }
        guard years.contains(key.year) else {
            throw .validation("the year must lie in \(years.lowerBound)–\(years.upperBound), got \(key.year)",
                              field: path("year"))
        }
        guard key.value >= 0 else {
            throw .validation("\(party.name)'s \(key.kind.rawValue) for \(key.year) cannot be negative (\(key.value))",
                              field: path("value"))
        }
        // Population is taken at 31 December of the year before, pupils at 15 October of the year
        // before, budget turnover from the year before last: never later than the budget year, and
        // never more than three years before it.
        let earliest = CalendarDate(year: key.year - 3, month: 1, day: 1)!
        let latest = CalendarDate(year: key.year, month: 12, day: 31)!
        guard key.referenceDate >= earliest, key.referenceDate <= latest else {
            throw .validation(
                "a figure for \(key.year) describes a day from \(earliest) to \(latest); got \(key.referenceDate)",
                field: path("referenceDate"))
        }
        try TextRules.required(key.source, field: path("source"), what: "the source of the figure", maxLength: 500)
    }
}
