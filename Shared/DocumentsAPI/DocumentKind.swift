/// Which document of a meeting to render.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    /// The public protocol.
    case `protocol`
    /// The confidential annex: the content of the secret paragraphs.
    case annex
    /// The notice of the meeting with its agenda.
    case kallelse
    /// An extract (utdrag) of one paragraph.
    case extract
}
