import KansliProtocol

/// `documents.casenumber.allocate`: the next case number of a committee's year, in its format.
public struct CaseNumberAllocate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int
    /// The classification code, for a format with `{class}`.
    public var classification: String?

    /// A `CaseNumberAllocate`.
    public init(committee: String, year: Int, classification: String? = nil) {
        self.committee = committee
        self.year = year
        self.classification = classification
    }
}
