// Messages of registry.import, registry.import.check and registry.export (which takes a
// CommitteeRef and answers a CommitteeFile).

/// `registry.import` and `registry.import.check`: a whole committee from one document.
public struct ImportRequest: Codable, Sendable, Equatable {
    /// The document.
    public var file: CommitteeFile
    /// Whether to replace a committee with the same code (every record of it) instead of failing
    /// with `conflict`. Only `registry.import` acts on it.
    public var replaceExisting: Bool

    /// A request to import `file`.
    public init(file: CommitteeFile, replaceExisting: Bool = false) {
        self.file = file
        self.replaceExisting = replaceExisting
    }

    private enum CodingKeys: String, CodingKey { case file, replaceExisting }

    /// `replaceExisting` may be left out (false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(CommitteeFile.self, forKey: .file)
        replaceExisting = try container.decodeIfPresent(Bool.self, forKey: .replaceExisting) ?? false
    }
}

/// The answer to an import: what was (or, for a check, would be) stored.
public struct ImportResult: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// How many records of each kind.
    public var counts: RecordCounts
    /// Whether a committee with the same code existed and was (or would be) replaced.
    public var replaced: Bool
    /// Whether anything was stored: true for `registry.import`, false for `registry.import.check`.
    public var stored: Bool

    /// A result.
    public init(committee: String, counts: RecordCounts, replaced: Bool, stored: Bool) {
        self.committee = committee
        self.counts = counts
        self.replaced = replaced
        self.stored = stored
    }
}

/// How many records of each kind a committee or a document holds.
public struct RecordCounts: Codable, Sendable, Equatable {
    /// Parties.
    public var parties: Int
    /// Yearly key figures.
    public var yearlyKeys: Int
    /// Persons.
    public var persons: Int
    /// Appointments.
    public var appointments: Int
    /// Role assignments.
    public var roles: Int
    /// Staff assignments.
    public var staff: Int
    /// Substitute pairings.
    public var pairings: Int
    /// Signing keys.
    public var signingKeys: Int

    /// Counts; all zero unless given.
    public init(parties: Int = 0, yearlyKeys: Int = 0, persons: Int = 0, appointments: Int = 0, roles: Int = 0,
                staff: Int = 0, pairings: Int = 0, signingKeys: Int = 0) {
        self.parties = parties
        self.yearlyKeys = yearlyKeys
        self.persons = persons
        self.appointments = appointments
        self.roles = roles
        self.staff = staff
        self.pairings = pairings
        self.signingKeys = signingKeys
    }
}
