import KansliProtocol

/// A run of calendar days, both ends included; an open end (`to == nil`) runs indefinitely.
///
/// Every dated record in the registry (a membership, an appointment, a role, a pairing, a key's
/// validity) is a `DateSpan`: `to` is the *last* day on which the record holds, so a term of office
/// 2019–2022 is `2019-01-01…2022-12-31`.
public struct DateSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day.
    public var from: CalendarDate
    /// The last day, or nil for an open end.
    public var to: CalendarDate?

    /// A span from `from` to `to` (inclusive).
    public init(from: CalendarDate, to: CalendarDate?) {
        self.from = from
        self.to = to
    }

    /// Whether the last day is not before the first.
    public var isOrdered: Bool {
        guard let to else { return true }
        return from <= to
    }

    /// Whether `date` lies in the span.
    public func contains(_ date: CalendarDate) -> Bool {
        date >= from && (to.map { date <= $0 } ?? true)
    }

    /// Whether the two spans share at least one day.
    public func overlaps(_ other: DateSpan) -> Bool {
        let startsBeforeOtherEnds = other.to.map { from <= $0 } ?? true
        let otherStartsBeforeThisEnds = to.map { other.from <= $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds
    }

    /// Whether every day of `other` lies in this span.
    public func covers(_ other: DateSpan) -> Bool {
        guard other.from >= from else { return false }
        guard let to else { return true }
        guard let otherTo = other.to else { return false }
        return otherTo <= to
    }

    /// `2019-01-01–2022-12-31`, or `from 2019-01-01` for an open end.
    public var description: String {
        if let to { return "\(from)–\(to)" }
        return "from \(from)"
    }
}
