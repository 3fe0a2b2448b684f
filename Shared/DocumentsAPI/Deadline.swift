import KansliProtocol

/// A date coming due for a meeting.
public struct Deadline: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The meeting's day.
    public var meeting: CalendarDate
    /// What is due.
    public var kind: DeadlineKind
    /// The day it is due.
    public var due: CalendarDate
    /// What to do, in Swedish.
    public var description: String
    /// Whether the day has passed.
    public var overdue: Bool

    /// A `Deadline`.
    public init(committee: String, meeting: CalendarDate, kind: DeadlineKind, due: CalendarDate, description: String, overdue: Bool = false) {
        self.committee = committee
        self.meeting = meeting
        self.kind = kind
        self.due = due
        self.description = description
        self.overdue = overdue
    }
}
