import KansliProtocol

/// A difference in attendance from one paragraph on, or for one paragraph.
public struct PresenceChange: Codable, Sendable, Equatable {
    /// The member's person id.
    public var person: String
    /// What changed.
    public var kind: PresenceChangeKind
    /// The paragraph it concerns: the first one present (`arrives`), the first one absent
    /// (`leaves`), the one with jäv (`recused`).
    public var paragraph: Int

    /// A `PresenceChange`.
    public init(person: String, kind: PresenceChangeKind, paragraph: Int) {
        self.person = person
        self.kind = kind
        self.paragraph = paragraph
    }
}
