/// A local date and time of day as a wall clock shows it, to the microsecond, with no time zone
/// attached: what `StockholmTime` turns a `Timestamp` into and back.
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The day.
    public let date: CivilDate
    /// 0–23.
    public let hour: Int
    /// 0–59.
    public let minute: Int
    /// 0–59 (no leap seconds: Kansli's clocks, like POSIX time, have none).
    public let second: Int
    /// 0–999 999.
    public let microsecond: Int

    /// A date-time, or nil when a field is out of range.
    public init?(date: CivilDate, hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999_999).contains(microsecond) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// A date-time from six numbers, or nil when they name none.
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, microsecond: Int = 0) {
        guard let date = CivilDate(year: year, month: month, day: day) else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second, microsecond: microsecond)
    }

    /// The date-time a clock set to UTC plus `offsetSeconds` shows at `timestamp`.
    init(_ timestamp: Timestamp, offsetSeconds: Int64) {
        let local = timestamp.microsecondsSince1970 + offsetSeconds * 1_000_000
        let (seconds, microsecond) = Timestamp.split(local)
        let (days, secondOfDay) = Timestamp.floorDivide(seconds, 86_400)
        date = CivilDate(daysSinceEpoch: days)
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay / 60 % 60)
        second = Int(secondOfDay % 60)
        self.microsecond = Int(microsecond)
    }

    /// Microseconds from 1970-01-01T00:00 on the same wall clock: the instant this would be if
    /// the clock were set to UTC.
    var microsecondsSince1970AsUTC: Int64 {
        let seconds = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1_000_000 + Int64(microsecond)
    }

    public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
        lhs.microsecondsSince1970AsUTC < rhs.microsecondsSince1970AsUTC
    }

    /// `yyyy-MM-ddTHH:mm:ss.ffffff`, with no zone designator.
    public var description: String {
        "\(date)T\(ASCIIDigits.padded(hour, 2)):\(ASCIIDigits.padded(minute, 2)):\(ASCIIDigits.padded(second, 2))"
            + ".\(ASCIIDigits.padded(microsecond, 6))"
    }
}
