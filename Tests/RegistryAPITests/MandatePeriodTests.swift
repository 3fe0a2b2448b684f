import KansliProtocol
import Testing

@testable import RegistryAPI

@Suite("MandatePeriod")
struct MandatePeriodTests {
    @Test("2019-2022 runs from 2019-01-01 to 2022-12-31, and an en dash parses too")
    func fourYearTermParses() throws {
        let period = try MandatePeriod(parsing: "2019-2022")
        #expect(period.firstDay == CalendarDate("2019-01-01"))
        #expect(period.lastDay == CalendarDate("2022-12-31"))
        #expect(try MandatePeriod(parsing: "2019–2022") == period)
        #expect(period.description == "2019-2022")
    }

    @Test("Periods longer than four years, reversed or malformed are rejected",
          arguments: ["2019-2023", "2022-2019", "19-22", "2019", "2019-2022-2023", "1800-1801"])
    func badPeriodsAreRejected(_ text: String) {
        #expect(MandatePeriod(text) == nil)
    }
}
