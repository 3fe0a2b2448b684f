import KansliProtocol

/// `documents.render`: a document of a meeting, as HTML or plain text.
public struct RenderRequest: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// Which document.
    public var document: DocumentKind
    /// HTML or plain text.
    public var format: RenderFormat
    /// The paragraph, for an extract.
    public var paragraph: Int?

    /// A `RenderRequest`.
    public init(meeting: MeetingRef, document: DocumentKind, format: RenderFormat, paragraph: Int? = nil) {
        self.meeting = meeting
        self.document = document
        self.format = format
        self.paragraph = paragraph
    }
}
