import KansliProtocol

/// `documents.paragraph.update`: replaces a paragraph's content; its number stays.
public struct ParagraphUpdate: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The paragraph's number.
    public var number: Int
    /// The whole content.
    public var content: ParagraphContent

    /// A `ParagraphUpdate`.
    public init(meeting: MeetingRef, number: Int, content: ParagraphContent) {
        self.meeting = meeting
        self.number = number
        self.content = content
    }
}
