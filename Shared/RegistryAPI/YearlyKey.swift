import KansliProtocol

/// One party's figure of one allocation key for one year: "Luleå's population for 2022 is
/// 79 638 (SCB, 2021-12-31)". Finance divides costs by these.
///
/// Identified by (party, kind, year); setting it again replaces it.
public struct YearlyKey: Codable, Sendable, Equatable {
    /// The party's code.
    public var party: String
    /// Which key.
    public var kind: KeyKind
    /// The budget year the figure is used for.
    public var year: Int
    /// The figure: persons for population and pupils, whole kronor for budget turnover.
    public var value: Int64
    /// The day the figure describes (SCB's reference date), e.g. 2021-12-31 for 2022's population.
    public var referenceDate: CalendarDate
    /// Where the figure comes from, e.g. "SCB, folkmängd 31 december 2021".
    public var source: String
    /// Whether the figure is illustrative (derived or made up for a demonstration) rather than an
    /// official figure; finance warns when it allocates by illustrative figures.
    public var illustrative: Bool

    /// A yearly key figure.
    public init(party: String, kind: KeyKind, year: Int, value: Int64, referenceDate: CalendarDate,
                source: String, illustrative: Bool = false) {
        self.party = party
        self.kind = kind
        self.year = year
        self.value = value
        self.referenceDate = referenceDate
        self.source = source
        self.illustrative = illustrative
    }

    /// Decodes a figure; `illustrative` may be left out (false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        party = try container.decode(String.self, forKey: .party)
        kind = try container.decode(KeyKind.self, forKey: .kind)
        year = try container.decode(Int.self, forKey: .year)
        value = try container.decode(Int64.self, forKey: .value)
        referenceDate = try container.decode(CalendarDate.self, forKey: .referenceDate)
        source = try container.decode(String.self, forKey: .source)
        illustrative = try container.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
    }
}
