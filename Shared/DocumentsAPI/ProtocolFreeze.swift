import KansliProtocol

/// `documents.protocol.freeze`: freezes a revision for signing.
public struct ProtocolFreeze: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The revision to freeze: the current one.
    public var revision: Int

    /// A `ProtocolFreeze`.
    public init(meeting: MeetingRef, revision: Int) {
        self.meeting = meeting
        self.revision = revision
    }
}
