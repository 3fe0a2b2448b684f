import KansliProtocol

/// Names one paragraph of a meeting.
public struct ParagraphRef: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The paragraph's number.
    public var number: Int

    /// A `ParagraphRef`.
    public init(meeting: MeetingRef, number: Int) {
        self.meeting = meeting
        self.number = number
    }
}
