import KansliProtocol

/// `documents.deadlines`: dates coming due for open meetings.
public struct DeadlinesRequest: Codable, Sendable, Equatable {
    /// Only this committee's meetings.
    public var committee: String?
    /// The day to judge by; today on the service's clock by default.
    public var on: CalendarDate?

    /// A `DeadlinesRequest`.
    public init(committee: String? = nil, on: CalendarDate? = nil) {
        self.committee = committee
        self.on = on
    }
}
