/// Swedish local time (the IANA zone Europe/Stockholm), computed from the rule rather than a
/// time-zone database, because FoundationEssentials has no named time zones and the services
/// must not link Foundation's ICU for one zone.
///
/// ## The rule, following IANA tzdata (and so Python's `zoneinfo`)
/// - Standard time is CET, UTC+01:00; summer time is CEST, UTC+02:00.
/// - From 1996 on (the EU rule, tzdata's `EU` rules): summer time from the last Sunday of March
///   01:00 UTC to the last Sunday of October 01:00 UTC. This implementation assumes the rule
///   continues unchanged, as tzdata does.
/// - 1981–1995: from the last Sunday of March to the last Sunday of **September**, 01:00 UTC.
/// - 1980, Sweden's first year of the rule: from the **first Sunday of April** (6 April) to the
///   last Sunday of September (28 September), 01:00 UTC. (tzdata's `EU` rule starts in April
///   from 1977 to 1980; Sweden joined it in 1980.)
/// - Before 1980: CET all year. That matches tzdata for 1917–1979 (Sweden had no summer time
///   then) but not for 1916, when Sweden had summer time from 14 May to 30 September, nor
///   before 1900, when Stockholm kept a local mean time about 12 minutes different; Kansli has
///   no instants that old, so they are not modelled.
///
/// Tests compare every transition 1980–2100 and thousands of random instants with `zoneinfo`.
public enum StockholmTime {
    /// CET: UTC+01:00, in seconds.
    public static let standardOffset: Int = 3600
    /// CEST: UTC+02:00, in seconds.
    public static let summerOffset: Int = 7200
    /// The first year with summer time under the rule.
    public static let firstRuleYear = 1980

    /// Which instant a local time in the repeated hour of autumn means, when the clocks go back
    /// from 03:00 CEST to 02:00 CET and 02:00–02:59 happens twice.
    public enum RepeatedHour: Sendable {
        /// The first pass, in summer time (CEST, +02:00): Python's `fold=0`.
        case first
        /// The second pass, in standard time (CET, +01:00): Python's `fold=1`.
        case second
    }

    /// The summer-time period of `year` (from its start to its end, both instants of UTC), or nil
    /// for years before 1980, which had none under the rule.
    public static func summerTime(in year: Int) -> Range<Timestamp>? {
        guard year >= firstRuleYear else { return nil }
        let startDay = year == 1980 ? firstSunday(year: year, month: 4) : lastSunday(year: year, month: 3)
        let endDay = lastSunday(year: year, month: year < 1996 ? 9 : 10)
        // 01:00 UTC on each day.
        return Timestamp(secondsSince1970: startDay * 86_400 + 3600)
            ..< Timestamp(secondsSince1970: endDay * 86_400 + 3600)
    }

    /// Whether Sweden keeps summer time (CEST) at `timestamp`.
    public static func isSummerTime(at timestamp: Timestamp) -> Bool {
        // The transitions fall in March–October, far from a year boundary, so the UTC year is
        // the local year.
        let year = CivilDateTimeParts(timestamp).year
        guard year >= Int64(firstRuleYear), year <= 9999, let period = summerTime(in: Int(year)) else { return false }
        return period.contains(timestamp)
    }

    /// The offset from UTC in seconds at `timestamp`: 3600 (CET) or 7200 (CEST).
    public static func utcOffset(at timestamp: Timestamp) -> Int {
        isSummerTime(at: timestamp) ? summerOffset : standardOffset
    }

    /// `CET` or `CEST`.
    public static func abbreviation(at timestamp: Timestamp) -> String {
        isSummerTime(at: timestamp) ? "CEST" : "CET"
    }

    /// What a clock in Stockholm shows at `timestamp`.
    ///
    /// - Precondition: the local date lies in years 1–9999.
    public static func localDateTime(at timestamp: Timestamp) -> CivilDateTime {
        CivilDateTime(timestamp, offsetSeconds: Int64(utcOffset(at: timestamp)))
    }

    /// The calendar day in Stockholm at `timestamp`: Kansli's "today".
    public static func today(at timestamp: Timestamp = .now()) -> CivilDate {
        localDateTime(at: timestamp).date
    }

    /// The instant a clock in Stockholm shows `local`.
    ///
    /// Two local times need a choice, made the way Python's `zoneinfo` makes it:
    /// - **the skipped hour** of spring (the clocks jump from 02:00 CET to 03:00 CEST, so 02:00–02:59
    ///   never happens): read with the offset in force before the jump, CET, so 02:30 is the
    ///   instant the clock shows 03:30 CEST. (Python with `fold=0`; `mktime` does the same.)
    /// - **the repeated hour** of autumn (02:00–02:59 happens first in CEST, then in CET): the
    ///   pass `repeated` names, the first by default.
    public static func timestamp(for local: CivilDateTime, repeated: RepeatedHour = .first) -> Timestamp {
        let asUTC = local.microsecondsSince1970AsUTC
        let summer = Timestamp(microsecondsSince1970: asUTC - Int64(summerOffset) * 1_000_000)
        let standard = Timestamp(microsecondsSince1970: asUTC - Int64(standardOffset) * 1_000_000)
        let summerFits = isSummerTime(at: summer)
        let standardFits = !isSummerTime(at: standard)
        switch (summerFits, standardFits) {
        case (true, true): return repeated == .first ? summer : standard
        case (true, false): return summer
        // Standard time fits, or neither does (the skipped hour: read it as standard time).
        case (false, _): return standard
        }
    }

    // MARK: Sundays

    /// Days since 1970 of the last Sunday of `month` in `year`.
    static func lastSunday(year: Int, month: Int) -> Int64 {
        let last = CivilDate.days(year: Int64(year), month: month, day: CivilDate.daysIn(month: month, year: year))
        return last - Int64(CivilDate.isoWeekday(ofDay: last) % 7)
    }

    /// Days since 1970 of the first Sunday of `month` in `year`.
    static func firstSunday(year: Int, month: Int) -> Int64 {
        let first = CivilDate.days(year: Int64(year), month: month, day: 1)
        return first + Int64((7 - CivilDate.isoWeekday(ofDay: first)) % 7)
    }
}
