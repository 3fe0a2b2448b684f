import KansliProtocol

/// A vote (omröstning): an open vote records each serving member's ballot; a secret ballot only the
/// tally.
public struct Vote: Codable, Sendable, Equatable {
    /// Open or secret.
    public var kind: VoteKind
    /// Each serving member's ballot (open votes only).
    public var ballots: [Ballot]
    /// Votes for (ja).
    public var yes: Int
    /// Votes against (nej).
    public var no: Int
    /// Abstentions (avstår).
    public var abstain: Int

    /// A `Vote`.
    public init(kind: VoteKind, ballots: [Ballot] = [], yes: Int, no: Int, abstain: Int) {
        self.kind = kind
        self.ballots = ballots
        self.yes = yes
        self.no = no
        self.abstain = abstain
    }
}
