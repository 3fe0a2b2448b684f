import KansliProtocol

/// `documents.notice.post` and `.check`: the notice of a justerat protocol posted on one party's
/// notice board.
public struct NoticePost: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The party whose board carries it.
    public var party: String
    /// The day it went up.
    public var postedOn: CalendarDate
    /// The day the protocol was justerat, when not yet recorded.
    public var justeratOn: CalendarDate?

    /// A `NoticePost`.
    public init(meeting: MeetingRef, party: String, postedOn: CalendarDate, justeratOn: CalendarDate? = nil) {
        self.meeting = meeting
        self.party = party
        self.postedOn = postedOn
        self.justeratOn = justeratOn
    }
}
