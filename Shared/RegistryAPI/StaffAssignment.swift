import KansliProtocol

/// A person's staff role in a committee (secretary, coordinator) for a run of days; open-ended
/// while it lasts. Staff are persons too, because the secretary signs the minutes.
public struct StaffAssignment: Codable, Sendable, Equatable {
    /// The assignment's id within the committee, e.g. `secretary-robert-karlsson`.
    public var id: String
    /// The person's id.
    public var person: String
    /// Secretary or coordinator.
    public var role: StaffRole
    /// The title as written in the minutes, e.g. "t.f. samordnare, extern konsult".
    public var title: String?
    /// The employer, when it is not the host party, e.g. "Evado".
    public var organisation: String?
    /// The first day.
    public var from: CalendarDate
    /// The last day, or nil while it lasts.
    public var to: CalendarDate?

    /// Set when the record was withdrawn as entered by mistake (`registry.withdraw`): it then takes
    /// part in no composition, list or rule, but stays in the history.
    public var withdrawn: Withdrawal?

    /// How many times the registry has stored this record: 1 when it is created, one more at each
    /// update or end. Absent in a record that has not been stored yet. An update or end that sends
    /// the revision it read is refused with `conflict` if another write stored the record since.
    public var revision: Int?
    /// Whether the person acts in the role (*t.f.*, *tillförordnad*) while the post itself is
    /// vacant: seed 002's "t.f. samordnare". Nil (false) for the holder of the post.
    public var acting: Bool?
    /// Whether the person is an external consultant (seed 002: "extern konsult", from Evado)
    /// rather than employed by the host. Nil (false) for the host's own staff.
    public var external: Bool?

    /// A staff assignment.
    public init(id: String, person: String, role: StaffRole, title: String? = nil, organisation: String? = nil,
                from: CalendarDate, to: CalendarDate? = nil, withdrawn: Withdrawal? = nil, revision: Int? = nil,
                acting: Bool? = nil, external: Bool? = nil) {
        self.acting = acting
        self.external = external
        self.id = id
        self.person = person
        self.role = role
        self.title = title
        self.organisation = organisation
        self.from = from
        self.to = to
        self.withdrawn = withdrawn
        self.revision = revision
    }

    /// The days of the assignment.
    public var span: DateSpan { DateSpan(from: from, to: to) }

    /// Whether the person acts in the role rather than holds the post.
    public var isActing: Bool { acting ?? false }
    /// Whether the person is an external consultant.
    public var isExternal: Bool { external ?? false }
}
