import KansliProtocol

/// `documents.paragraph.add`: the meeting's next paragraph, numbered from the committee's yearly
/// sequence.
public struct ParagraphAdd: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// What the paragraph says.
    public var content: ParagraphContent

    /// A `ParagraphAdd`.
    public init(meeting: MeetingRef, content: ParagraphContent) {
        self.meeting = meeting
        self.content = content
    }
}
