import KansliProtocol

// Messages of the registry.appointment.* methods (get: RecordRef, end: EndRequest,
// list: ListRequest).

/// `registry.appointment.create`: appoints a person to a seat.
public struct AppointmentCreate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The id to give the appointment; when nil the registry makes `<person>-<first year of the
    /// mandate period>`, e.g. `isak-utsi-2019`.
    public var id: String?
    /// The person's id.
    public var person: String
    /// The appointing party's code.
    public var party: String
    /// Ledamot or ersättare.
    public var kind: AppointmentKind
    /// The seat number; when nil, the lowest seat of that kind free for the whole span.
    public var seat: Int?
    /// The person's political party, e.g. `S`.
    public var politicalParty: String
    /// The term of office.
    public var mandatePeriod: MandatePeriod
    /// The first day; when nil, the later of the mandate period's first day and the party's join date.
    public var from: CalendarDate?
    /// The last day; when nil, the mandate period's last day.
    public var to: CalendarDate?
    /// A free-text note.
    public var note: String?

    /// A request to appoint a person.
    public init(committee: String, id: String? = nil, person: String, party: String, kind: AppointmentKind,
                seat: Int? = nil, politicalParty: String, mandatePeriod: MandatePeriod, from: CalendarDate? = nil,
                to: CalendarDate? = nil, note: String? = nil) {
        self.committee = committee
        self.id = id
        self.person = person
        self.party = party
        self.kind = kind
        self.seat = seat
        self.politicalParty = politicalParty
        self.mandatePeriod = mandatePeriod
        self.from = from
        self.to = to
        self.note = note
    }
}

/// `registry.appointment.update`: replaces every field of an existing appointment, found by id.
public struct AppointmentUpdate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The appointment as it should be.
    public var appointment: Appointment

    /// A request to store `appointment` in `committee`.
    public init(committee: String, appointment: Appointment) {
        self.committee = committee
        self.appointment = appointment
    }
}
