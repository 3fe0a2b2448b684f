import KansliProtocol
import KansliTestSupport
import Testing
@testable import DocumentsService

@Suite("The Swedish calendar: holidays, eves and the last day to appeal")
struct SwedishCalendarTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test("Easter Sunday by the computus")
    func easter() {
        #expect(SwedishCalendar.easterSunday(2022) == Self.day("2022-04-17"))
        #expect(SwedishCalendar.easterSunday(2023) == Self.day("2023-04-09"))
        #expect(SwedishCalendar.easterSunday(2038) == Self.day("2038-04-25"))
        #expect(SwedishCalendar.easterSunday(2285) == Self.day("2285-03-22"))
    }

    @Test("the examples: last posting 2022-07-08 gives 2022-07-29; 2023-06-02 gives 2023-06-26 (midsommarafton, midsommardagen, Sunday)")
    func examples() {
        #expect(SwedishCalendar.appealLastDay(lastPosting: Self.day("2022-07-08")) == Self.day("2022-07-29"))
        #expect(SwedishCalendar.appealLastDay(lastPosting: Self.day("2023-06-02")) == Self.day("2023-06-26"))
        #expect(SwedishCalendar.nonWorkingReason(Self.day("2023-06-23")) == "midsommarafton")
        #expect(SwedishCalendar.appealLastDay(lastPosting: Self.day("2022-12-03")) == Self.day("2022-12-27"), "julafton, juldagen, annandag jul")
        #expect(SwedishCalendar.appealLastDay(lastPosting: Self.day("2021-12-10")) == Self.day("2022-01-03"), "nyårsafton, nyårsdagen, a Sunday")
        #expect(SwedishCalendar.appealLastDay(lastPosting: Self.day("2022-03-25")) == Self.day("2022-04-19"), "långfredagen to annandag påsk")
    }

    @Test("every weekday that is not a working day, 1960–2100, agrees with the PyPI package holidays (public and de-facto days)")
    func againstPythonHolidays() throws {
        let script = """
            import sys, holidays
            sys.stdin.read()
            h = holidays.SE(years=range(1960, 2101), include_sundays=False, categories=('public', 'de_facto'))
            for d in sorted(h):
                if d.weekday() < 5: print(d.isoformat())
            """
        let expected: [String]
        do {
            expected = try Python.lines(script, input: [])
        } catch {
            // The oracle is missing: say so rather than pass silently.
            Issue.record("python3 with the holidays package is needed for this test (pip install holidays): \(error)")
            return
        }
        var ours: [String] = []
        var day = Self.day("1960-01-01")
        let end = Self.day("2100-12-31")
        while day <= end {
            if day.isoWeekday < 6, !SwedishCalendar.isWorkingDay(day) { ours.append(day.description) }
            day = day.adding(days: 1)
        }
        #expect(ours.count > 141 * 9)
        #expect(ours == expected)
        for missing in Set(expected).symmetricDifference(ours).sorted().prefix(10) { Issue.record("disagree on \(missing)") }
    }
}
