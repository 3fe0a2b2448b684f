/// A role a person signs a protocol for. One person who holds several signs once, for all.
public enum SigningRole: String, Sendable, CaseIterable, Codable, Comparable {
    case secretary = "sekreterare"
    case chair = "ordförande"
    case adjuster = "justerare"

    /// The order roles are written in a statement: secretary, chair, justerare.
    public static func < (lhs: SigningRole, rhs: SigningRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
