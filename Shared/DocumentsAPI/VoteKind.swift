/// Open vote or secret ballot.
public enum VoteKind: String, Codable, Sendable, CaseIterable {
    /// Each member's ballot is recorded.
    case open
    /// Only the tally is recorded.
    case secret
}
