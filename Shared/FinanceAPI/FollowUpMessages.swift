import KansliProtocol

// Messages of finance.outcome.*, finance.forecast.*, finance.followup and finance.year.*.

/// Names a committee's year (the latest budget version of it).
public struct YearRef: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The year.
    public var year: Int

    /// A reference.
    public init(committee: String, year: Int) {
        self.committee = committee
        self.year = year
    }
}

/// `finance.outcome.record`: outcome entries for a year's budget lines; an entry for a line,
/// direction and period already recorded replaces it.
public struct OutcomeRecord: Codable, Sendable, Equatable {
    /// The year.
    public var year: YearRef
    /// The entries.
    public var entries: [OutcomeEntry]

    /// A request.
    public init(year: YearRef, entries: [OutcomeEntry]) {
        self.year = year
        self.entries = entries
    }
}

/// `finance.outcome.import`: outcome entries from a CSV of the host's ledger (see 6.5).
public struct OutcomeImport: Codable, Sendable, Equatable {
    /// The year.
    public var year: YearRef
    /// The CSV text.
    public var csv: String
    /// Where it comes from; recorded on every entry.
    public var source: String

    /// A request.
    public init(year: YearRef, csv: String, source: String) {
        self.year = year
        self.csv = csv
        self.source = source
    }
}

/// `finance.forecast.set`: forecasts for a year's lines; a forecast for a line and direction
/// already made is replaced.
public struct ForecastSet: Codable, Sendable, Equatable {
    /// The year.
    public var year: YearRef
    /// The forecasts.
    public var forecasts: [Forecast]

    /// A request.
    public init(year: YearRef, forecasts: [Forecast]) {
        self.year = year
        self.forecasts = forecasts
    }
}

/// `finance.followup`: the follow-up report of a year.
public struct FollowUpRequest: Codable, Sendable, Equatable {
    /// The year.
    public var year: YearRef
    /// Only outcome entries ending on or before this day (`Utfall per sista maj`); all when nil.
    public var through: CalendarDate?

    /// A request.
    public init(year: YearRef, through: CalendarDate? = nil) {
        self.year = year
        self.through = through
    }
}

/// `finance.year.close`: closes a year and carries its result into next year's budget as its
/// own line, allocated to the parties by `model` (equal shares when nil).
public struct YearClose: Codable, Sendable, Equatable {
    /// The year.
    public var year: YearRef
    /// How the carried line is allocated; equal shares when nil.
    public var model: AllocationModel?
    /// The carried line's object code; `RES-<year>` when nil.
    public var objectCode: String?

    /// A request.
    public init(year: YearRef, model: AllocationModel? = nil, objectCode: String? = nil) {
        self.year = year
        self.model = model
        self.objectCode = objectCode
    }
}
