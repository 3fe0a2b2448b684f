/// One committee with everything the registry holds about it, as one document: what
/// `registry.export` returns, what `registry.import` takes, and what the data files in
/// `deploy/seed-data/` are. docs/registry-file-format.md describes the format field by field.
///
/// As JSON it is written with sorted keys, pretty printed, dates as `yyyy-MM-dd`, so that the same
/// content always gives the same bytes and diffs stay readable. Records appear in the order they
/// were created; importing a file and exporting it again gives the same file. The JSON coding
/// itself (`jsonData()`, `init(jsonData:)`) lives in the CLI, `KansliCLI/CommitteeFile+JSON.swift`:
/// it uses Foundation's JSONEncoder and JSONDecoder, which the services must not link (issue 6);
/// they see the file only as a `Codable` value in binary-coded messages.
public struct CommitteeFile: Codable, Sendable, Equatable {
    /// The format version this build writes and reads.
    public static let currentFormatVersion = 1

    /// The format version of the document; 1.
    public var formatVersion: Int
    /// The committee itself.
    public var committee: Committee
    /// Its parties, in order.
    public var parties: [Party]
    /// The parties' yearly allocation key figures.
    public var yearlyKeys: [YearlyKey]
    /// Every person the committee knows: ledamöter, ersättare and staff.
    public var persons: [Person]
    /// Appointments as ledamot or ersättare.
    public var appointments: [Appointment]
    /// Chair and vice-chair assignments.
    public var roles: [RoleAssignment]
    /// Staff assignments.
    public var staff: [StaffAssignment]
    /// Which ersättare stands in for which ledamot.
    public var pairings: [SubstitutePairing]
    /// Public signing keys.
    public var signingKeys: [SigningKey]

    /// A document; every list defaults to empty.
    public init(formatVersion: Int = CommitteeFile.currentFormatVersion, committee: Committee,
                parties: [Party] = [], yearlyKeys: [YearlyKey] = [], persons: [Person] = [],
                appointments: [Appointment] = [], roles: [RoleAssignment] = [], staff: [StaffAssignment] = [],
                pairings: [SubstitutePairing] = [], signingKeys: [SigningKey] = []) {
        self.formatVersion = formatVersion
        self.committee = committee
        self.parties = parties
        self.yearlyKeys = yearlyKeys
        self.persons = persons
        self.appointments = appointments
        self.roles = roles
        self.staff = staff
        self.pairings = pairings
        self.signingKeys = signingKeys
    }

    /// Decodes a document; every list may be left out (empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        committee = try container.decode(Committee.self, forKey: .committee)
        parties = try container.decodeIfPresent([Party].self, forKey: .parties) ?? []
        yearlyKeys = try container.decodeIfPresent([YearlyKey].self, forKey: .yearlyKeys) ?? []
        persons = try container.decodeIfPresent([Person].self, forKey: .persons) ?? []
        appointments = try container.decodeIfPresent([Appointment].self, forKey: .appointments) ?? []
        roles = try container.decodeIfPresent([RoleAssignment].self, forKey: .roles) ?? []
        staff = try container.decodeIfPresent([StaffAssignment].self, forKey: .staff) ?? []
        pairings = try container.decodeIfPresent([SubstitutePairing].self, forKey: .pairings) ?? []
        signingKeys = try container.decodeIfPresent([SigningKey].self, forKey: .signingKeys) ?? []
    }

    /// How many records of each kind the document holds.
    public var counts: RecordCounts {
        RecordCounts(parties: parties.count, yearlyKeys: yearlyKeys.count, persons: persons.count,
                     appointments: appointments.count, roles: roles.count, staff: staff.count,
                     pairings: pairings.count, signingKeys: signingKeys.count)
    }
}
