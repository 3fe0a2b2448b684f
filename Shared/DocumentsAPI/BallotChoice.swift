/// A ballot.
public enum BallotChoice: String, Codable, Sendable, CaseIterable {
    /// For.
    case ja
    /// Against.
    case nej
    /// Abstains (avstår).
    case avstar
}
