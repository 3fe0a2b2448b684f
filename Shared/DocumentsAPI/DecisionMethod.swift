/// How a decision was reached (beslutsgång).
public enum DecisionMethod: String, Codable, Sendable, CaseIterable {
    /// The chair put the proposal(s) and found the committee's answer.
    case proposition
    /// By a vote (omröstning).
    case vote
}
