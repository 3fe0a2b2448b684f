import KansliProtocol

// Requests that many registry methods share: naming a committee, naming one record in it, ending a
// record on a day, and filtering a list.

/// Names a committee: for `registry.committee.get`, `registry.export` and the like.
public struct CommitteeRef: Codable, Sendable, Equatable {
    /// The committee's code, e.g. `NBE`.
    public var committee: String

    /// A reference to `committee`.
    public init(committee: String) {
        self.committee = committee
    }
}

/// Names one record of a committee: a party by its code, a person, appointment, role, staff
/// assignment, pairing or signing key by its id.
public struct RecordRef: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The record's code or id within the committee.
    public var id: String

    /// A reference to record `id` of `committee`.
    public init(committee: String, id: String) {
        self.committee = committee
        self.id = id
    }
}

/// Ends a record on a day without deleting it: a party leaves, an appointment, role, staff
/// assignment or pairing ends. The registry keeps history; nothing is ever deleted.
public struct EndRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The record's code or id.
    public var id: String
    /// The last day the record holds (inclusive).
    public var lastDay: CalendarDate
    /// The revision of the record the caller read, if it read one: the end is then refused with
    /// `conflict` if another write stored the record since. Absent: the record is ended as it is.
    public var revision: Int?

    /// A request to end record `id` of `committee` after `lastDay`.
    public init(committee: String, id: String, lastDay: CalendarDate, revision: Int? = nil) {
        self.committee = committee
        self.id = id
        self.lastDay = lastDay
        self.revision = revision
    }
}

/// Filters for the `…list` methods. Each method documents which filters it accepts; setting one it
/// does not accept is a `validation` error naming the filter.
public struct ListRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// Only records that hold on this day.
    public var on: CalendarDate?
    /// Only records of this party.
    public var party: String?
    /// Only records of this person.
    public var person: String?

    /// A list request; no filter unless given.
    public init(committee: String, on: CalendarDate? = nil, party: String? = nil, person: String? = nil) {
        self.committee = committee
        self.on = on
        self.party = party
        self.person = person
    }
}
