import KansliProtocol

/// `documents.sequence.set`: where a committee's yearly sequences stand, for a year begun outside
/// Kansli (the seed's minutes start at § 8).
public struct SequenceSet: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int
    /// The next paragraph number; only while the year has no paragraph in Kansli.
    public var nextParagraph: Int
    /// The next case serial; never lowered.
    public var nextCaseSerial: Int

    /// A `SequenceSet`.
    public init(committee: String, year: Int, nextParagraph: Int, nextCaseSerial: Int) {
        self.committee = committee
        self.year = year
        self.nextParagraph = nextParagraph
        self.nextCaseSerial = nextCaseSerial
    }
}
