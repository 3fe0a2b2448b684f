import KansliProtocol

// Messages of registry.appointment.replace: a mid-term replacement in one step.

/// `registry.appointment.replace`: a ledamot (or ersättare) leaves mid-term and another person
/// takes the seat for the rest of the appointment. In one transaction the registry ends the
/// leaving appointment after `lastDay`, appoints the successor to the same party, kind, seat and
/// mandate period from the next day to the old appointment's last day, and lets every pairing the
/// old appointment took part in that runs on follow to the new one (the personal ersättare stands
/// in for the successor). A presidium role of the leaver that runs on is refused unless
/// `endRoles` ends it too.
public struct AppointmentReplace: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The id of the appointment that ends, e.g. `isak-utsi-2019`.
    public var appointment: String
    /// The leaver's last day (inclusive); the successor holds the seat from the next day.
    public var lastDay: CalendarDate
    /// The id of the successor, a person of the committee; or nil with `successorName`.
    public var successor: String?
    /// The name of a successor not yet in the registry: the person is created (as
    /// `registry.person.create` would) in the same transaction. Exactly one of `successor` and
    /// `successorName` is given.
    public var successorName: String?
    /// The id to give the successor's appointment; by default `<person>-<first year of the period>`.
    public var id: String?
    /// The successor's political party; by default the leaver's.
    public var politicalParty: String?
    /// A note on the new appointment, e.g. the decision that made it.
    public var note: String?
    /// The revision of the leaving appointment the caller read, if it read one (see `Appointment`).
    public var revision: Int?
    /// Also end, after `lastDay`, the leaver's presidium roles that run on; without it such a role
    /// makes the request a `validation` error that names it.
    public var endRoles: Bool

    /// A replacement of `appointment` after `lastDay` by `successor` (an id) or a new person named
    /// `successorName`.
    public init(committee: String, appointment: String, lastDay: CalendarDate, successor: String? = nil,
                successorName: String? = nil, id: String? = nil, politicalParty: String? = nil, note: String? = nil,
                revision: Int? = nil, endRoles: Bool = false) {
        self.committee = committee
        self.appointment = appointment
        self.lastDay = lastDay
        self.successor = successor
        self.successorName = successorName
        self.id = id
        self.politicalParty = politicalParty
        self.note = note
        self.revision = revision
        self.endRoles = endRoles
    }

    private enum CodingKeys: String, CodingKey {
        case committee, appointment, lastDay, successor, successorName, id, politicalParty, note, revision, endRoles
    }

    /// Decodes a request; `endRoles` may be left out (false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        committee = try container.decode(String.self, forKey: .committee)
        appointment = try container.decode(String.self, forKey: .appointment)
        lastDay = try container.decode(CalendarDate.self, forKey: .lastDay)
        successor = try container.decodeIfPresent(String.self, forKey: .successor)
        successorName = try container.decodeIfPresent(String.self, forKey: .successorName)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        politicalParty = try container.decodeIfPresent(String.self, forKey: .politicalParty)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        revision = try container.decodeIfPresent(Int.self, forKey: .revision)
        endRoles = try container.decodeIfPresent(Bool.self, forKey: .endRoles) ?? false
    }
}

/// The answer to `registry.appointment.replace`: every record the replacement stored.
public struct AppointmentReplacement: Codable, Sendable, Equatable {
    /// The leaving appointment, now ending after the last day.
    public var ended: Appointment
    /// The successor's appointment.
    public var appointment: Appointment
    /// The successor, when the request created them (`successorName`).
    public var createdPerson: Person?
    /// The pairings of the old appointment that ran on, now ending after the last day.
    public var endedPairings: [SubstitutePairing]
    /// Their successors: the same ersättare (or ledamot) paired with the new appointment.
    public var pairings: [SubstitutePairing]
    /// The leaver's roles that `endRoles` ended.
    public var endedRoles: [RoleAssignment]

    /// A replacement's records.
    public init(ended: Appointment, appointment: Appointment, createdPerson: Person? = nil,
                endedPairings: [SubstitutePairing] = [], pairings: [SubstitutePairing] = [],
                endedRoles: [RoleAssignment] = []) {
        self.ended = ended
        self.appointment = appointment
        self.createdPerson = createdPerson
        self.endedPairings = endedPairings
        self.pairings = pairings
        self.endedRoles = endedRoles
    }
}
