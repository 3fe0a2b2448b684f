import KansliProtocol

/// A person known to a committee: a ledamot, an ersättare or a member of staff. What the person
/// *is* in the committee, and when, lives in their appointments, roles and staff assignments.
public struct Person: Codable, Sendable, Equatable {
    /// The person's id within the committee, e.g. `isak-utsi`; see `RecordID`.
    public var id: String
    /// The name as it appears in the minutes, e.g. "Isak Utsi".
    public var name: String
    /// An e-mail address for notices, if known.
    public var email: String?
    /// A telephone number, if known.
    public var phone: String?
    /// A free-text note.
    public var note: String?
    /// The person's last day in the committee, once they have left (`registry.person.end`): none of
    /// their appointments or staff assignments may run past it.
    public var leftOn: CalendarDate?
    /// The day their contact details (e-mail, telephone, note) were erased (`registry.person.erase`);
    /// the name stays in the public record.
    public var erasedOn: CalendarDate?

    /// How many times the registry has stored this record: 1 when it is created, one more at each
    /// update or end. Absent in a record that has not been stored yet. An update or end that sends
    /// the revision it read is refused with `conflict` if another write stored the record since.
    public var revision: Int?

    /// A person.
    public init(id: String, name: String, email: String? = nil, phone: String? = nil, note: String? = nil,
                leftOn: CalendarDate? = nil, erasedOn: CalendarDate? = nil, revision: Int? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.phone = phone
        self.note = note
        self.leftOn = leftOn
        self.erasedOn = erasedOn
        self.revision = revision
    }
}
