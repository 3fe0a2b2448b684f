import KansliProtocol

/// `documents.protocol.revise`: a new, editable revision after a frozen one.
public struct ProtocolRevise: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// Why the frozen revision is replaced.
    public var reason: String

    /// A `ProtocolRevise`.
    public init(meeting: MeetingRef, reason: String) {
        self.meeting = meeting
        self.reason = reason
    }
}
