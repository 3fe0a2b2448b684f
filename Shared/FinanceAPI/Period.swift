import KansliProtocol

/// A run of calendar days, first and last day included.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day.
    public var from: CalendarDate
    /// The last day (not before `from`).
    public var to: CalendarDate

    /// A period.
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// The calendar year `year`.
    public static func year(_ year: Int) -> Period {
        Period(from: CalendarDate(year: year, month: 1, day: 1)!, to: CalendarDate(year: year, month: 12, day: 31)!)
    }

    /// The number of days, both ends included (0 when `to` is before `from`).
    public var days: Int { max(0, from.days(until: to) + 1) }

    /// `2023-01-01…2023-12-31`.
    public var description: String { "\(from)…\(to)" }
}
