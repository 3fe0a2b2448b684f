import KansliProtocol

// Messages of the registry.yearlykey.* methods.

/// `registry.yearlykey.set`: sets (or replaces) one party's figure of one key for one year.
public struct YearlyKeySet: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The figure.
    public var key: YearlyKey

    /// A request to set `key` in `committee`.
    public init(committee: String, key: YearlyKey) {
        self.committee = committee
        self.key = key
    }
}

/// `registry.yearlykey.table`: one key for one year, for every party of the committee at once.
public struct YearlyKeyTableRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Which key.
    public var kind: KeyKind
    /// The budget year.
    public var year: Int

    /// A request for `kind` in `year` for every party of `committee`.
    public init(committee: String, kind: KeyKind, year: Int) {
        self.committee = committee
        self.kind = kind
        self.year = year
    }
}

/// The answer to `registry.yearlykey.table`: the figures of every party that is a member at some
/// time in the year, in the committee's party order, and the parties that have none.
public struct YearlyKeyTable: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Which key.
    public var kind: KeyKind
    /// The budget year.
    public var year: Int
    /// One row per party that has a figure.
    public var rows: [YearlyKeyRow]
    /// The codes of member parties without a figure; finance cannot allocate by the key until
    /// this is empty.
    public var missing: [String]
    /// The sum of the figures.
    public var total: Int64
    /// Whether any figure is illustrative rather than official.
    public var illustrative: Bool

    /// A table.
    public init(committee: String, kind: KeyKind, year: Int, rows: [YearlyKeyRow], missing: [String], total: Int64,
                illustrative: Bool) {
        self.committee = committee
        self.kind = kind
        self.year = year
        self.rows = rows
        self.missing = missing
        self.total = total
        self.illustrative = illustrative
    }
}

/// One party's figure in a `YearlyKeyTable`.
public struct YearlyKeyRow: Codable, Sendable, Equatable {
    /// The party's code.
    public var party: String
    /// The party's name.
    public var partyName: String
    /// The figure.
    public var value: Int64
    /// The day the figure describes.
    public var referenceDate: CalendarDate
    /// Where it comes from.
    public var source: String
    /// Whether it is illustrative.
    public var illustrative: Bool

    /// A row.
    public init(party: String, partyName: String, value: Int64, referenceDate: CalendarDate, source: String,
                illustrative: Bool) {
        self.party = party
        self.partyName = partyName
        self.value = value
        self.referenceDate = referenceDate
        self.source = source
        self.illustrative = illustrative
    }
}
