import KansliProtocol

/// When one party was connected to what a line pays for (a platform, a system).
public struct PartyPeriod: Hashable, Sendable, Codable {
    /// The party's code.
    public var party: String
    /// The first connected day.
    public var from: CalendarDate
    /// The last connected day, or nil for still connected.
    public var to: CalendarDate?

    /// A connection.
    public init(party: String, from: CalendarDate, to: CalendarDate? = nil) {
        self.party = party
        self.from = from
        self.to = to
    }
}
