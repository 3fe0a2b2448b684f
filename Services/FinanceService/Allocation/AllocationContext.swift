import FinanceAPI

/// What the engine needs beyond the line itself, fetched by the service from the registry (and
/// from earlier allocations) before the engine runs: the engine never does I/O.
public struct AllocationContext: Sendable {
    /// The budget year: its calendar year is the period parties must be members in.
    public var year: Int
    /// Every party of the committee, in the committee's order.
    public var parties: [PartyFacts]
    /// Key figures by key, for the keys the lines name.
    public var keys: [AllocationKey: [KeyFigure]]
    /// The distributions that `proportional` lines follow by reference, as weight tables.
    public var lineDistributions: [LineReference: PartyTable]

    /// A context.
    public init(year: Int, parties: [PartyFacts], keys: [AllocationKey: [KeyFigure]] = [:],
                lineDistributions: [LineReference: PartyTable] = [:]) {
        self.year = year
        self.parties = parties
        self.keys = keys
        self.lineDistributions = lineDistributions
    }

    /// The keys a set of lines reads (what the service must fetch).
    public static func keysNeeded(by lines: [BudgetLine]) -> Set<AllocationKey> {
        Set(lines.filter(\.allocated).compactMap(\.model.key))
    }
}
