/// A role a person signs a protocol for. One person who holds several signs once, for all.
public enum SigningRole: String, Sendable, CaseIterable, Codable, Comparable {
    case secretary = "sekreterare"
    case chair = "ordförande"
    case adjuster = "justerare"

    /// The role a protocol names in English (`secretary`, `chair`, `justerare`: the documents
    /// service's `SignerRole`), or nil for another word.
    public init?(protocolRole: String) {
        switch protocolRole {
        case "secretary": self = .secretary
        case "chair": self = .chair
        case "justerare": self = .adjuster
        default: return nil
        }
    }

    /// The order roles are written in a statement: secretary, chair, justerare.
    public static func < (lhs: SigningRole, rhs: SigningRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
