/// What a line's allocation read beyond the committee's parties (which `BudgetAllocation.parties`
/// records once for every line), so it can be recomputed later and a change of inputs shows as a
/// difference.
public struct AllocationInputs: Hashable, Sendable, Codable {
    /// The key figures used, each with its year, reference date and source.
    public var keys: [KeyFigure]
    /// The per-party table used (weights, fixed amounts, quantities), for models that read one.
    public var table: PartyTable?
    /// The period, for models that read one.
    public var period: Period?

    /// Inputs.
    public init(keys: [KeyFigure] = [], table: PartyTable? = nil, period: Period? = nil) {
        self.keys = keys
        self.table = table
        self.period = period
    }
}
