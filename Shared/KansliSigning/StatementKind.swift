/// What a signature statement signs.
public enum StatementKind: String, Sendable, CaseIterable, Codable {
    /// A whole protocol (the minutes of a meeting).
    case protocol_ = "protokoll"
    /// One paragraph under omedelbar justering, signed on its own at the meeting.
    case paragraph = "paragraf"
    /// An extract (utdrag) of one paragraph, certified by the secretary.
    case extract = "utdrag"
}
