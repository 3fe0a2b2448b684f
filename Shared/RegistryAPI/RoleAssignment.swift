import KansliProtocol

/// A ledamot's role in the presidium (chair or vice chair) for a run of days. The person must be
/// a ledamot on every one of those days.
public struct RoleAssignment: Codable, Sendable, Equatable {
    /// The assignment's id within the committee, e.g. `chair-carina-sammeli-2019`.
    public var id: String
    /// The person's id.
    public var person: String
    /// Chair or vice chair.
    public var role: CommitteeRole
    /// The first day in the role.
    public var from: CalendarDate
    /// The last day in the role.
    public var to: CalendarDate

    /// Set when the record was withdrawn as entered by mistake (`registry.withdraw`): it then takes
    /// part in no composition, list or rule, but stays in the history.
    public var withdrawn: Withdrawal?

    /// How many times the registry has stored this record: 1 when it is created, one more at each
    /// update or end. Absent in a record that has not been stored yet. An update or end that sends
    /// the revision it read is refused with `conflict` if another write stored the record since.
    public var revision: Int?

    /// A role assignment.
    public init(id: String, person: String, role: CommitteeRole, from: CalendarDate, to: CalendarDate,
                withdrawn: Withdrawal? = nil, revision: Int? = nil) {
        self.id = id
        self.person = person
        self.role = role
        self.from = from
        self.to = to
        self.withdrawn = withdrawn
        self.revision = revision
    }

    /// The days of the assignment.
    public var span: DateSpan { DateSpan(from: from, to: to) }
}
