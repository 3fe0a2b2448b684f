import KansliProtocol

/// One party's key figure as an allocation used it, with its provenance.
public struct KeyFigure: Hashable, Sendable, Codable {
    /// The party's code.
    public var party: String
    /// The key.
    public var kind: AllocationKeyKind
    /// The key year.
    public var year: Int
    /// The figure.
    public var value: Int64
    /// The day the figure describes (31 December, 15 October …).
    public var referenceDate: CalendarDate
    /// Where it comes from (SCB …).
    public var source: String
    /// Whether it is illustrative rather than official.
    public var illustrative: Bool

    /// A figure.
    public init(party: String, kind: AllocationKeyKind, year: Int, value: Int64, referenceDate: CalendarDate,
                source: String, illustrative: Bool = false) {
        self.party = party
        self.kind = kind
        self.year = year
        self.value = value
        self.referenceDate = referenceDate
        self.source = source
        self.illustrative = illustrative
    }
}
