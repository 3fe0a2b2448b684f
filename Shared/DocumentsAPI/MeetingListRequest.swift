import KansliProtocol

/// `documents.meeting.list`: the meetings of a committee.
public struct MeetingListRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Only the meetings of this year.
    public var year: Int?

    /// A `MeetingListRequest`.
    public init(committee: String, year: Int? = nil) {
        self.committee = committee
        self.year = year
    }
}
