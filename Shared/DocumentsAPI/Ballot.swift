import KansliProtocol

/// One member's ballot in an open vote.
public struct Ballot: Codable, Sendable, Equatable {
    /// The serving member's person id.
    public var person: String
    /// How they voted.
    public var choice: BallotChoice

    /// A `Ballot`.
    public init(person: String, choice: BallotChoice) {
        self.person = person
        self.choice = choice
    }
}
