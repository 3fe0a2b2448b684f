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
    /// One allocation per allocated line, in the budget's order.
    public var lines: [LineAllocation]

    /// An allocation.
    public init(committee: String, year: Int, version: Int, run: Int, lines: [LineAllocation]) {
        self.committee = committee
        self.year = year
        self.version = version
        self.run = run
        self.lines = lines
    }
}
