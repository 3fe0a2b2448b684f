import KansliProtocol

/// The signed document a draft, signature, check or export is about: a meeting's protocol, or
/// one of its paragraphs (`paragraf`, `utdrag`).
public struct SigningTarget: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// Protocol, paragraph under omedelbar justering, or extract.
    public var kind: SignedKind
    /// The paragraph of `paragraf` and `utdrag`; nil for `protokoll`.
    public var paragraph: Int?

    /// A `SigningTarget`.
    public init(meeting: MeetingRef, kind: SignedKind = .protokoll, paragraph: Int? = nil) {
        self.meeting = meeting
        self.kind = kind
        self.paragraph = paragraph
    }
}
