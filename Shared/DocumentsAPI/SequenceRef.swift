import KansliProtocol

/// Names a committee's year.
public struct SequenceRef: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int

    /// A `SequenceRef`.
    public init(committee: String, year: Int) {
        self.committee = committee
        self.year = year
    }
}
