/// A role of a ledamot in the committee's presidium; only a ledamot may hold one.
public enum CommitteeRole: String, RegistryEnumeration, Sendable {
    /// The chair (*ordförande*).
    case chair
    /// The vice chair (*vice ordförande*).
    case viceChair = "vice-chair"
}
