import KansliProtocol

/// Names a meeting: its committee and day (a committee holds at most one meeting a day).
public struct MeetingRef: Codable, Sendable, Equatable {
    /// The committee's code, e.g. `NBE`.
    public var committee: String
    /// The meeting's day.
    public var date: CalendarDate

    /// A `MeetingRef`.
    public init(committee: String, date: CalendarDate) {
        self.committee = committee
        self.date = date
    }
}
