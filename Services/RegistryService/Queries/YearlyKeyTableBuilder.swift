import KansliProtocol
import RegistryAPI

/// One allocation key for one year across every party of a committee: the table finance divides
/// a cost by.
public enum YearlyKeyTableBuilder {
    /// The figures of `kind` for `year` of every party that is a member at some time in the year,
    /// in the committee's party order, with the members that have no figure listed as missing.
    public static func table(of state: CommitteeState, kind: KeyKind, year: Int) throws(ServiceError)
        -> YearlyKeyTable
    {
        guard YearlyKeyRules.years.contains(year) else {
            throw .validation(
                "the year must lie in \(YearlyKeyRules.years.lowerBound)–\(YearlyKeyRules.years.upperBound), got "
                    + "\(year)", field: "year")
        }
        let wholeYear = DateSpan(from: CalendarDate(year: year, month: 1, day: 1)!,
                                 to: CalendarDate(year: year, month: 12, day: 31)!)
        var figures: [String: YearlyKey] = [:]
        for key in state.file.yearlyKeys where key.kind == kind && key.year == year {
            figures[key.party] = key
        }
        var rows: [YearlyKeyRow] = []
        var missing: [String] = []
        for party in state.file.parties where party.membership.overlaps(wholeYear) {
            guard let key = figures[party.code] else {
                missing.append(party.code)
                continue
            }
            rows.append(YearlyKeyRow(party: party.code, partyName: party.name, value: key.value,
                                     referenceDate: key.referenceDate, source: key.source,
                                     illustrative: key.illustrative))
        }
        return YearlyKeyTable(committee: state.code, kind: kind, year: year, rows: rows, missing: missing,
                              total: rows.reduce(0) { $0 + $1.value }, illustrative: rows.contains(where: \.illustrative))
    }
}
