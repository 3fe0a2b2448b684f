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
    /// The staff roles no one holds that day except, perhaps, someone acting (*t.f.*): in seed 002
    /// the coordinator's post is vacant from mid-March 2022 and Lisa Lundgren acts. Nil from a
    /// registry that does not say.
    public var staffVacancies: [StaffRole]?

    /// A composition.
    public init(committee: String, date: CalendarDate, hostParty: String?, parties: [PartyComposition],
                chair: CompositionMember?, viceChair: CompositionMember?, staff: [CompositionStaff],
                vacancies: [Vacancy], staffVacancies: [StaffRole]? = nil) {
        self.staffVacancies = staffVacancies
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
    /// Its organisationsnummer, `NNNNNN-NNNN`; nil from a registry that does not say.
    public var organisationNumber: String?

    /// A party's members.
    public init(party: String, name: String, kind: PartyKind, isHost: Bool, ledamoter: [CompositionMember],
                ersattare: [CompositionMember], organisationNumber: String? = nil) {
        self.organisationNumber = organisationNumber
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
    /// The appointing party's name, e.g. "Bodens kommun", so every output can name it the same way.
    public var partyName: String?
    /// The appointment's mandate period.
    public var mandatePeriod: MandatePeriod?
    /// The appointment's first day.
    public var from: CalendarDate?
    /// The appointment's last day.
    public var to: CalendarDate?
    /// For an ersättare who is a personal ersättare that day: the appointment id of the ledamot they
    /// stand in for.
    public var substituteFor: String?
    /// For an ersättare in the party's order of service that day: their place in it (1, 2 …).
    public var rank: Int?
    /// For a ledamot: the appointment id of their personal ersättare that day.
    public var personalSubstitute: String?

    /// A member. The fields after `roles` are nil when not given (and from a registry that does
    /// not send them).
    public init(person: String, name: String, party: String, politicalParty: String, kind: AppointmentKind,
                seat: Int, appointment: String, roles: [CommitteeRole], partyName: String? = nil,
                mandatePeriod: MandatePeriod? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
                substituteFor: String? = nil, rank: Int? = nil, personalSubstitute: String? = nil) {
        self.partyName = partyName
        self.mandatePeriod = mandatePeriod
        self.from = from
        self.to = to
        self.substituteFor = substituteFor
        self.rank = rank
        self.personalSubstitute = personalSubstitute
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
    /// Whether they act in the role (*t.f.*, *tillförordnad*) rather than hold it.
    public var acting: Bool?
    /// Whether they are an external consultant rather than employed by the host.
    public var external: Bool?
    /// Set when the person also holds an appointment that day, as ledamot or ersättare: staff who
    /// are also members are flagged, since a member does not prepare their own committee's business.
    public var alsoMember: AppointmentKind?
    /// The first day of the assignment.
    public var from: CalendarDate?
    /// The last day of the assignment, if it has one.
    public var to: CalendarDate?

    /// A staff entry.
    public init(person: String, name: String, role: StaffRole, title: String?, organisation: String?,
                acting: Bool? = nil, external: Bool? = nil, alsoMember: AppointmentKind? = nil,
                from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.acting = acting
        self.external = external
        self.alsoMember = alsoMember
        self.from = from
        self.to = to
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
