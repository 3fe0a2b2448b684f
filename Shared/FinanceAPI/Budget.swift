/// One version of a committee's budget for one year.
public struct Budget: Hashable, Sendable, Codable {
    /// The committee's code (`NBE`).
    public var committee: String
    /// The budget year.
    public var year: Int
    /// The version, from 1; a change to an adopted budget is a new version.
    public var version: Int
    /// Where it stands.
    public var status: BudgetStatus
    /// The lines, in the budget's order.
    public var lines: [BudgetLine]
    /// Why this version replaces the one before (required from version 2).
    public var reason: String?
    /// Where it was adopted, once it is.
    public var adoption: Adoption?
    /// The indexation it was derived with from the year before, if any.
    public var indexedFrom: IndexedFrom?
    /// Anything a reader should know (what the source does not give).
    public var note: String?

    /// A budget version.
    public init(committee: String, year: Int, version: Int = 1, status: BudgetStatus = .draft, lines: [BudgetLine],
                reason: String? = nil, adoption: Adoption? = nil, indexedFrom: IndexedFrom? = nil, note: String? = nil) {
        self.committee = committee
        self.year = year
        self.version = version
        self.status = status
        self.lines = lines
        self.reason = reason
        self.adoption = adoption
        self.indexedFrom = indexedFrom
        self.note = note
    }

    /// The sum of the lines of one direction.
    public func total(_ direction: LineDirection) -> Money {
        lines.filter { $0.direction == direction }.reduce(.zero) { $0 + $1.amount }
    }
}
