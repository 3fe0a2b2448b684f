import KansliProtocol

/// `documents.dispatch.record`: a decision sent to its distribution list.
public struct DispatchRecord: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The paragraph.
    public var paragraph: Int
    /// Who it was sent to; by default the paragraph's distribution list.
    public var recipients: [String]
    /// The day it was sent.
    public var sentOn: CalendarDate
    /// How: `e-post`, `post`, `e-arkiv` …
    public var channel: String

    /// A `DispatchRecord`.
    public init(meeting: MeetingRef, paragraph: Int, recipients: [String] = [], sentOn: CalendarDate, channel: String) {
        self.meeting = meeting
        self.paragraph = paragraph
        self.recipients = recipients
        self.sentOn = sentOn
        self.channel = channel
    }
}
