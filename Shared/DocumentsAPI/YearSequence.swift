import KansliProtocol

/// Where a committee's yearly sequences stand.
public struct YearSequence: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int
    /// The next paragraph number.
    public var nextParagraph: Int
    /// The next case serial.
    public var nextCaseSerial: Int

    /// A `YearSequence`.
    public init(committee: String, year: Int, nextParagraph: Int, nextCaseSerial: Int) {
        self.committee = committee
        self.year = year
        self.nextParagraph = nextParagraph
        self.nextCaseSerial = nextCaseSerial
    }
}
