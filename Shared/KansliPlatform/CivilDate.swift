/// A day of the proleptic Gregorian calendar as year, month and day, with no time zone: what
/// "today in Stockholm" is, and what a `yyyy-MM-dd` on a command line means.
///
/// It is KansliPlatform's own small date so that the bottom module needs no other; KansliProtocol's
/// `CalendarDate` (the type on the wire) converts from it.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// A date, or nil when the three numbers name no day of the Gregorian calendar (years 1–9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-MM-dd` (ASCII digits); nil for anything else, including impossible days.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = ASCIIDigits.value(bytes[0..<4]), let month = ASCIIDigits.value(bytes[5..<7]),
              let day = ASCIIDigits.value(bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    ///
    /// - Precondition: the result lies in years 1–9999.
    public init(daysSinceEpoch days: Int64) {
        let (year, month, day) = CivilDate.civil(fromDays: days)
        precondition((1...9999).contains(year), "KansliPlatform: day \(days) since 1970 is outside years 1–9999")
        self.year = Int(year)
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int64 { CivilDate.days(year: Int64(year), month: month, day: day) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { CivilDate.isoWeekday(ofDay: daysSinceEpoch) }

    /// Whether `year` has 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        ASCIIDigits.padded(year, 4) + "-" + ASCIIDigits.padded(month, 2) + "-" + ASCIIDigits.padded(day, 2)
    }

    // MARK: Calendar arithmetic for any year (Howard Hinnant's algorithms), shared with Timestamp

    /// Days from 1970-01-01 to the given proleptic Gregorian day; no range check.
    static func days(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian day `days` after 1970-01-01; no range check.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday (1 = Monday) of the day `days` after 1970-01-01, a Thursday.
    static func isoWeekday(ofDay days: Int64) -> Int {
        let remainder = Int((days + 3) % 7)
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }
}
