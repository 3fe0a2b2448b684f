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

    /// A role assignment.
    public init(id: String, person: String, role: CommitteeRole, from: CalendarDate, to: CalendarDate) {
        self.id = id
        self.person = person
        self.role = role
        self.from = from
        self.to = to
    }

    /// The days of the assignment.
    public var span: DateSpan { DateSpan(from: from, to: to) }
}
