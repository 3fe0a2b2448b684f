import KansliProtocol

// The composition of a committee on a day: `registry.composition`.

/// `registry.composition`: who sits in the committee on `on`.
public struct CompositionRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The day.
    public var on: CalendarDate

    /// A request for the composition of `committee` on `on`.
    public init(committee: String, on: CalendarDate) {
        self.committee = committee
        self.on = on
    }
}

/// The composition of a committee on a day: its parties that are members then, each with its
/// ledamöter and ersättare by seat, the chair and vice chair, the staff, and the seats nobody
/// holds.
public struct Composition: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The day.
    public var date: CalendarDate
    /// The host party's code, if a host is a member that day.
    public var hostParty: String?
    /// The member parties, in the committee's party order.
    public var parties: [PartyComposition]
    /// The chair that day.
    public var chair: CompositionMember?
    /// The vice chair that day.
    public var viceChair: CompositionMember?
    /// Staff that day.
    public var staff: [CompositionStaff]
    /// Seats of member parties that no appointment holds that day.
    public var vacancies: [Vacancy]

    /// A composition.
    public init(committee: String, date: CalendarDate, hostParty: String?, parties: [PartyComposition],
                chair: CompositionMember?, viceChair: CompositionMember?, staff: [CompositionStaff],
                vacancies: [Vacancy]) {
        self.committee = committee
        self.date = date
        self.hostParty = hostParty
        self.parties = parties
        self.chair = chair
        self.viceChair = viceChair
        self.staff = staff
        self.vacancies = vacancies
    }

    /// Every ledamot that day, in party order.
    public var ledamoter: [CompositionMember] { parties.flatMap(\.ledamoter) }
    /// Every ersättare that day, in party order.
    public var ersattare: [CompositionMember] { parties.flatMap(\.ersattare) }
}

/// One party's members in a `Composition`.
public struct PartyComposition: Codable, Sendable, Equatable {
    /// The party's code.
    public var party: String
    /// The party's name.
    public var name: String
    /// Municipality or region.
    public var kind: PartyKind
    /// Whether it is the host.
    public var isHost: Bool
    /// Its ledamöter, by seat.
    public var ledamoter: [CompositionMember]
    /// Its ersättare, by seat.
    public var ersattare: [CompositionMember]

    /// A party's members.
    public init(party: String, name: String, kind: PartyKind, isHost: Bool, ledamoter: [CompositionMember],
                ersattare: [CompositionMember]) {
        self.party = party
        self.name = name
        self.kind = kind
        self.isHost = isHost
        self.ledamoter = ledamoter
        self.ersattare = ersattare
    }
}

/// A member of the committee on a day: who, for which party and political party, in which seat,
/// with which presidium roles.
public struct CompositionMember: Codable, Sendable, Equatable {
    /// The person's id.
    public var person: String
    /// The person's name.
    public var name: String
    /// The appointing party's code.
    public var party: String
    /// The political party.
    public var politicalParty: String
    /// Ledamot or ersättare.
    public var kind: AppointmentKind
    /// The seat number.
    public var seat: Int
    /// The appointment's id.
    public var appointment: String
    /// Presidium roles held that day (chair, vice chair).
    public var roles: [CommitteeRole]

    /// A member.
    public init(person: String, name: String, party: String, politicalParty: String, kind: AppointmentKind,
                seat: Int, appointment: String, roles: [CommitteeRole]) {
        self.person = person
        self.name = name
        self.party = party
        self.politicalParty = politicalParty
        self.kind = kind
        self.seat = seat
        self.appointment = appointment
        self.roles = roles
    }
}

/// A member of staff in a `Composition`.
public struct CompositionStaff: Codable, Sendable, Equatable {
    /// The person's id.
    public var person: String
    /// The person's name.
    public var name: String
    /// Secretary or coordinator.
    public var role: StaffRole
    /// The title, if recorded.
    public var title: String?
    /// The employer, if not the host.
    public var organisation: String?

    /// A staff entry.
    public init(person: String, name: String, role: StaffRole, title: String?, organisation: String?) {
        self.person = person
        self.name = name
        self.role = role
        self.title = title
        self.organisation = organisation
    }
}

/// A seat no appointment holds on the day of a `Composition`.
public struct Vacancy: Codable, Sendable, Equatable {
    /// The party's code.
    public var party: String
    /// Ledamot or ersättare seat.
    public var kind: AppointmentKind
    /// The seat number.
    public var seat: Int

    /// A vacancy.
    public init(party: String, kind: AppointmentKind, seat: Int) {
        self.party = party
        self.kind = kind
        self.seat = seat
    }
}
