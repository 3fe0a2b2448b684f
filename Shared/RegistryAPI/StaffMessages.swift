import KansliProtocol

// Messages of the registry.staff.* methods (get: RecordRef, end: EndRequest, list: ListRequest).

/// `registry.staff.assign`: gives a person a staff role (secretary, coordinator).
public struct StaffAssign: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The id to give the assignment; when nil, `<role>-<person>`.
    public var id: String?
    /// The person's id.
    public var person: String
    /// Secretary or coordinator.
    public var role: StaffRole
    /// The title as written in the minutes.
    public var title: String?
    /// The employer, when not the host party.
    public var organisation: String?
    /// The first day.
    public var from: CalendarDate
    /// The last day, or nil while it lasts.
    public var to: CalendarDate?
    /// Whether the person acts in the role (*t.f.*) while the post is vacant.
    public var acting: Bool?
    /// Whether the person is an external consultant.
    public var external: Bool?

    /// A request to assign a staff role.
    public init(committee: String, id: String? = nil, person: String, role: StaffRole, title: String? = nil,
                organisation: String? = nil, from: CalendarDate, to: CalendarDate? = nil, acting: Bool? = nil,
                external: Bool? = nil) {
        self.acting = acting
        self.external = external
        self.committee = committee
        self.id = id
        self.person = person
        self.role = role
        self.title = title
        self.organisation = organisation
        self.from = from
        self.to = to
    }
}

/// `registry.staff.update`: replaces every field of an existing staff assignment, found by id.
public struct StaffUpdate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The assignment as it should be.
    public var assignment: StaffAssignment

    /// A request to store `assignment` in `committee`.
    public init(committee: String, assignment: StaffAssignment) {
        self.committee = committee
        self.assignment = assignment
    }
}
