import KansliProtocol

// Messages of the registry.role.* methods (get: RecordRef, end: EndRequest, list: ListRequest).

/// `registry.role.assign`: makes a ledamot chair or vice chair.
public struct RoleAssign: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The id to give the assignment; when nil, `<role>-<person>-<first year>`.
    public var id: String?
    /// The person's id; they must be a ledamot throughout.
    public var person: String
    /// Chair or vice chair.
    public var role: CommitteeRole
    /// The first day in the role.
    public var from: CalendarDate
    /// The last day; when nil, the last day of the ledamot appointment that holds on `from`.
    public var to: CalendarDate?

    /// A request to assign a role.
    public init(committee: String, id: String? = nil, person: String, role: CommitteeRole, from: CalendarDate,
                to: CalendarDate? = nil) {
        self.committee = committee
        self.id = id
        self.person = person
        self.role = role
        self.from = from
        self.to = to
    }
}

/// `registry.role.update`: replaces every field of an existing role assignment, found by id.
public struct RoleUpdate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The assignment as it should be.
    public var assignment: RoleAssignment

    /// A request to store `assignment` in `committee`.
    public init(committee: String, assignment: RoleAssignment) {
        self.committee = committee
        self.assignment = assignment
    }
}
