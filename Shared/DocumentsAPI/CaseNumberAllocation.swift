import KansliProtocol

/// An allocated case number.
public struct CaseNumberAllocation: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int
    /// The serial within the year.
    public var serial: Int
    /// The case number, e.g. `2022/13-2.2.0.1`.
    public var caseNumber: String

    /// A `CaseNumberAllocation`.
    public init(committee: String, year: Int, serial: Int, caseNumber: String) {
        self.committee = committee
        self.year = year
        self.serial = serial
        self.caseNumber = caseNumber
    }
}
