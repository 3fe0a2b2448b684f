import KansliProtocol

/// Where a meeting's notice stands and the deadlines it gives.
public struct NoticeStatus: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The day of justering, once recorded.
    public var justeratOn: CalendarDate?
    /// The last day for justering the meeting set.
    public var justeringDeadline: CalendarDate?
    /// The postings, by party.
    public var postings: [NoticePosting]
    /// The parties that have not posted yet.
    public var pendingParties: [String]
    /// The last posting, once every party has posted: the appeal period runs from it.
    public var lastPosting: CalendarDate?
    /// The last day to appeal: three weeks after the last posting, moved to the next working day.
    public var appealLastDay: CalendarDate?
    /// The earliest day the notice may come down: the day after the last day to appeal.
    public var takeDownEarliest: CalendarDate?
    /// What is late.
    public var warnings: [String]

    /// A `NoticeStatus`.
    public init(meeting: MeetingRef, justeratOn: CalendarDate? = nil, justeringDeadline: CalendarDate? = nil, postings: [NoticePosting] = [], pendingParties: [String] = [], lastPosting: CalendarDate? = nil, appealLastDay: CalendarDate? = nil, takeDownEarliest: CalendarDate? = nil, warnings: [String] = []) {
        self.meeting = meeting
        self.justeratOn = justeratOn
        self.justeringDeadline = justeringDeadline
        self.postings = postings
        self.pendingParties = pendingParties
        self.lastPosting = lastPosting
        self.appealLastDay = appealLastDay
        self.takeDownEarliest = takeDownEarliest
        self.warnings = warnings
    }
}
