import Foundation
import KansliProtocol
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("parses and prints yyyy-MM-dd")
    func parsesAndPrints() throws {
        let date = try #require(CalendarDate("2022-06-22"))
        #expect(date.year == 2022 && date.month == 6 && date.day == 22)
        #expect(date.description == "2022-06-22")
        #expect(CalendarDate(year: 7, month: 1, day: 2)?.description == "0007-01-02")
    }

    @Test("refuses what is not a calendar date",
          arguments: ["2022-02-29", "2022-13-01", "2022-00-10", "2022-06-31", "22-06-22", "2022/06/22",
                      "2022-6-22", "", "2022-06-22T00:00", "２０２２-06-22", "0000-01-01"])
    func refusesInvalid(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test("29 February exists in leap years only")
    func leapYears() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
    }

    @Test("days since the epoch match known dates, and convert back")
    func epochDays() throws {
        #expect(try #require(CalendarDate("1970-01-01")).daysSinceEpoch == 0)
        #expect(try #require(CalendarDate("2000-03-01")).daysSinceEpoch == 11_017)
        #expect(try #require(CalendarDate("1969-12-31")).daysSinceEpoch == -1)
        for days in stride(from: -800_000, through: 2_000_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test("the seed's notice dates: posted 2022-07-08, taken down 2022-07-30, 22 days later")
    func noticeArithmetic() throws {
        let posted = try #require(CalendarDate("2022-07-08"))
        #expect(posted.adding(days: 22).description == "2022-07-30")
        #expect(posted.days(until: try #require(CalendarDate("2022-07-30"))) == 22)
        #expect(posted.adding(days: -8).description == "2022-06-30")
    }

    @Test("ISO weekday: 2022-06-22 was a Wednesday, 2022-07-30 a Saturday")
    func weekdays() throws {
        #expect(try #require(CalendarDate("2022-06-22")).isoWeekday == 3)
        #expect(try #require(CalendarDate("2022-07-30")).isoWeekday == 6)
        #expect(try #require(CalendarDate("1970-01-01")).isoWeekday == 4)
        #expect(try #require(CalendarDate("1969-12-28")).isoWeekday == 7)
    }

    @Test("dates order chronologically and encode as their text")
    func orderingAndCoding() throws {
        let earlier = try #require(CalendarDate("2019-12-31")), later = try #require(CalendarDate("2020-01-01"))
        #expect(earlier < later)
        let json = try JSONEncoder().encode([earlier])
        #expect(String(decoding: json, as: UTF8.self) == "[\"2019-12-31\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: json) == [earlier])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data("[\"2019-02-30\"]".utf8)) }
    }
}
