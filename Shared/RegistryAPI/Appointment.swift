import KansliProtocol

/// A person's appointment to a seat of a committee: ledamot or ersättare, for a party, for a
/// political party, within a mandate period, from one day to another.
///
/// A seat is (party, kind, seat number); two appointments to the same seat may not overlap, nor
/// may two appointments of the same person.
public struct Appointment: Codable, Sendable, Equatable {
    /// The appointment's id within the committee, e.g. `isak-utsi-2019`; see `RecordID`.
    public var id: String
    /// The person's id.
    public var person: String
    /// The code of the party (municipality or region) that appointed the person.
    public var party: String
    /// Ledamot or ersättare.
    public var kind: AppointmentKind
    /// The seat number among the party's seats of this kind, from 1.
    public var seat: Int
    /// The person's political party, e.g. `S`, `M`, `MP`.
    public var politicalParty: String
    /// The term of office the appointment belongs to.
    public var mandatePeriod: MandatePeriod
    /// The first day the appointment holds.
    public var from: CalendarDate
    /// The last day the appointment holds (at the latest the mandate period's last day).
    public var to: CalendarDate
    /// A free-text note, e.g. the decision that made the appointment, or why it is illustrative.
    public var note: String?

    /// Set when the record was withdrawn as entered by mistake (`registry.withdraw`): it then takes
    /// part in no composition, list or rule, but stays in the history.
    public var withdrawn: Withdrawal?

    /// How many times the registry has stored this record: 1 when it is created, one more at each
    /// update or end. Absent in a record that has not been stored yet. An update or end that sends
    /// the revision it read is refused with `conflict` if another write stored the record since.
    public var revision: Int?

    /// An appointment.
    public init(id: String, person: String, party: String, kind: AppointmentKind, seat: Int = 1,
                politicalParty: String, mandatePeriod: MandatePeriod, from: CalendarDate, to: CalendarDate,
                note: String? = nil, withdrawn: Withdrawal? = nil, revision: Int? = nil) {
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
        self.withdrawn = withdrawn
        self.revision = revision
    }

    /// The days the appointment holds.
    public var span: DateSpan { DateSpan(from: from, to: to) }

    /// Whether the appointment holds on `date`.
    public func holds(on date: CalendarDate) -> Bool { span.contains(date) }

    /// Decodes an appointment; `seat` may be left out (1).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        person = try container.decode(String.self, forKey: .person)
        party = try container.decode(String.self, forKey: .party)
        kind = try container.decode(AppointmentKind.self, forKey: .kind)
        seat = try container.decodeIfPresent(Int.self, forKey: .seat) ?? 1
        politicalParty = try container.decode(String.self, forKey: .politicalParty)
        mandatePeriod = try container.decode(MandatePeriod.self, forKey: .mandatePeriod)
        from = try container.decode(CalendarDate.self, forKey: .from)
        to = try container.decode(CalendarDate.self, forKey: .to)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        withdrawn = try container.decodeIfPresent(Withdrawal.self, forKey: .withdrawn)
        revision = try container.decodeIfPresent(Int.self, forKey: .revision)
    }
}
