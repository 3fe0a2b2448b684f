// Messages of the registry.person.* methods (get: RecordRef, list: ListRequest).

/// `registry.person.create`: a new person in a committee.
public struct PersonCreate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The id to give the person; when nil the registry makes one from the name (`isak-utsi`,
    /// then `isak-utsi-2` if taken).
    public var id: String?
    /// The name as it appears in the minutes.
    public var name: String
    /// An e-mail address, if known.
    public var email: String?
    /// A telephone number, if known.
    public var phone: String?
    /// A free-text note.
    public var note: String?
    /// Create the person even though the committee already has a person of the same name (two
    /// people can share a name); without it that is a `conflict` on `name`, so that a second
    /// record of the same person is not made by mistake.
    public var allowSameName: Bool

    /// A request to create a person.
    public init(committee: String, id: String? = nil, name: String, email: String? = nil, phone: String? = nil,
                note: String? = nil, allowSameName: Bool = false) {
        self.committee = committee
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.note = note
        self.allowSameName = allowSameName
    }

    private enum CodingKeys: String, CodingKey { case committee, id, name, email, phone, note, allowSameName }

    /// Decodes a request; `allowSameName` may be left out (false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        committee = try container.decode(String.self, forKey: .committee)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        allowSameName = try container.decodeIfPresent(Bool.self, forKey: .allowSameName) ?? false
    }
}

/// `registry.person.update`: replaces every field of an existing person, found by id.
public struct PersonUpdate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The person as they should be.
    public var person: Person

    /// A request to store `person` in `committee`.
    public init(committee: String, person: Person) {
        self.committee = committee
        self.person = person
    }
}

/// The answer to `registry.person.get`: the person and everything they hold in the committee.
public struct PersonDetails: Codable, Sendable, Equatable {
    /// The person.
    public var person: Person
    /// Their appointments, oldest first.
    public var appointments: [Appointment]
    /// Their presidium roles.
    public var roles: [RoleAssignment]
    /// Their staff assignments.
    public var staff: [StaffAssignment]
    /// Pairings in which one of their appointments takes part.
    public var pairings: [SubstitutePairing]
    /// Their signing keys.
    public var signingKeys: [SigningKey]

    /// Details of a person.
    public init(person: Person, appointments: [Appointment], roles: [RoleAssignment], staff: [StaffAssignment],
                pairings: [SubstitutePairing], signingKeys: [SigningKey]) {
        self.person = person
        self.appointments = appointments
        self.roles = roles
        self.staff = staff
        self.pairings = pairings
        self.signingKeys = signingKeys
    }
}

/// `registry.person.erase`: removes the contact details (e-mail, telephone, note) of a person who
/// has left the committee (`registry.person.end`). The name, appointments and roles stay: they are
/// the public record. The audit trail keeps that the erasure was made, by whom and when; its
/// entries never carried the details.
public struct PersonErase: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The person's id.
    public var id: String
    /// The revision of the person the caller read, if it read one (see `Person`).
    public var revision: Int?

    /// A request to erase the contact details of person `id` of `committee`.
    public init(committee: String, id: String, revision: Int? = nil) {
        self.committee = committee
        self.id = id
        self.revision = revision
    }
}
