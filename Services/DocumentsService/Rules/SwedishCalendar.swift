import KansliProtocol

/// Swedish public holidays and working days, computed (Easter and midsommar included), for the
/// time limits of lag (1930:173) om beräkning av lagstadgad tid: a last day that falls on a
/// Saturday, a Sunday, a public holiday, midsommarafton, julafton or nyårsafton moves to the
/// next working day.
///
/// The rules are those in force since 1954 (midsommardagen and alla helgons dag on a Saturday),
/// with annandag pingst up to 2004 and nationaldagen from 2005.
enum SwedishCalendar {
    /// Easter Sunday of `year` (Gregorian, the anonymous computus).
    static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// The first day on or after `from` that is a Saturday.
    private static func saturday(onOrAfter from: CalendarDate) -> CalendarDate {
        from.adding(days: (6 - from.isoWeekday + 7) % 7)
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }

    /// Midsommardagen: the Saturday from 20 to 26 June.
    static func midsummerDay(_ year: Int) -> CalendarDate { saturday(onOrAfter: day(year, 6, 20)) }

    /// The public holidays (allmänna helgdagar) of `year` with their Swedish names, in date order.
    static func publicHolidays(_ year: Int) -> [(date: CalendarDate, name: String)] {
        let easter = easterSunday(year)
        var days: [(CalendarDate, String)] = [
            (day(year, 1, 1), "nyårsdagen"), (day(year, 1, 6), "trettondedag jul"),
            (easter.adding(days: -2), "långfredagen"), (easter, "påskdagen"), (easter.adding(days: 1), "annandag påsk"),
            (day(year, 5, 1), "första maj"), (easter.adding(days: 39), "Kristi himmelsfärds dag"),
            (easter.adding(days: 49), "pingstdagen"),
        ]
        if year <= 2004 { days.append((easter.adding(days: 50), "annandag pingst")) }
        if year >= 2005 { days.append((day(year, 6, 6), "Sveriges nationaldag")) }
        days += [
            (midsummerDay(year), "midsommardagen"), (saturday(onOrAfter: day(year, 10, 31)), "alla helgons dag"),
            (day(year, 12, 25), "juldagen"), (day(year, 12, 26), "annandag jul"),
        ]
        return days.sorted { $0.0 < $1.0 }
    }

    /// The eves the law treats as holidays: midsommarafton, julafton, nyårsafton.
    static func eves(_ year: Int) -> [(date: CalendarDate, name: String)] {
        [(midsummerDay(year).adding(days: -1), "midsommarafton"), (day(year, 12, 24), "julafton"),
         (day(year, 12, 31), "nyårsafton")]
    }

    /// Why `date` is not a working day (`lördag`, `midsommarafton` …), or nil when it is one.
    static func nonWorkingReason(_ date: CalendarDate) -> String? {
        if let holiday = (publicHolidays(date.year) + eves(date.year)).first(where: { $0.date == date }) { return holiday.name }
        switch date.isoWeekday {
        case 6: return "lördag"
        case 7: return "söndag"
        default: return nil
        }
    }

    /// Whether `date` is a working day.
    static func isWorkingDay(_ date: CalendarDate) -> Bool { nonWorkingReason(date) == nil }

    /// `date`, or the first working day after it.
    static func workingDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The last day to appeal a decision whose notice went up on its last board on `posted`:
    /// three weeks from that day (kommunallagen 13 kap. 5 §), moved to the next working day.
    static func appealLastDay(lastPosting posted: CalendarDate) -> CalendarDate {
        workingDay(onOrAfter: posted.adding(days: 21))
    }
}
