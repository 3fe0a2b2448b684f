/// What changed in a member's attendance at a paragraph.
public enum PresenceChangeKind: String, Codable, Sendable, CaseIterable {
    /// Present from this paragraph on.
    case arrives
    /// Absent from this paragraph on (left before it).
    case leaves
    /// Absent for this paragraph only (jäv).
    case recused
}
