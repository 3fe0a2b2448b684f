/// What a signature covers: the statement's `kind` (docs/SIGNING.md §2).
public enum SignedKind: String, Codable, Sendable, CaseIterable {
    /// The whole protocol.
    case protokoll
    /// One paragraph under omedelbar justering, signed on its own.
    case paragraf
    /// An extract of one paragraph, certified by the secretary.
    case utdrag
}
