import KansliProtocol

/// A budget version allocated: every allocated line's shares, explanation and inputs.
public struct BudgetAllocation: Hashable, Sendable, Codable {
    /// The committee's code.
    public var committee: String
    /// The budget year.
    public var year: Int
    /// The budget version.
    public var version: Int
    /// The run's number for this version (1, 2 … each `finance.allocation.run`); 0 for a preview.
    public var run: Int
    /// The committee's parties as the registry gave them when the allocation ran (organisationsnummer,
    /// host flag, membership dates): every line's input, recorded once.
    public var parties: [PartyFacts]
    /// One allocation per allocated line, in the budget's order.
    public var lines: [LineAllocation]

    /// An allocation.
    public init(committee: String, year: Int, version: Int, run: Int, parties: [PartyFacts], lines: [LineAllocation]) {
        self.committee = committee
        self.year = year
        self.version = version
        self.run = run
        self.parties = parties
        self.lines = lines
    }
}
