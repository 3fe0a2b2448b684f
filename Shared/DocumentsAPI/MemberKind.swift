/// Ledamot or ersättare.
public enum MemberKind: String, Codable, Sendable, CaseIterable {
    /// A full member.
    case ledamot
    /// A substitute.
    case ersattare
}
