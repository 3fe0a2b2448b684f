import KansliProtocol

/// `documents.attendance.set`: who attended, over the registry's composition on the meeting's day.
/// Every ledamot not listed as absent is present; every ersättare neither serving nor listed as
/// present is absent.
public struct AttendanceSet: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// Ledamöter (person ids) absent from the whole meeting.
    public var absent: [String]
    /// Ersättare serving for absent ledamöter.
    public var substitutions: [Substitution]
    /// Ersättare present without serving.
    public var presentSubstitutes: [String]
    /// Differences per paragraph: arrivals, departures, jäv.
    public var changes: [PresenceChange]
    /// Others present (staff, consultants), by name and title.
    public var others: [OtherAttendee]

    /// A `AttendanceSet`.
    public init(meeting: MeetingRef, absent: [String] = [], substitutions: [Substitution] = [], presentSubstitutes: [String] = [], changes: [PresenceChange] = [], others: [OtherAttendee] = []) {
        self.meeting = meeting
        self.absent = absent
        self.substitutions = substitutions
        self.presentSubstitutes = presentSubstitutes
        self.changes = changes
        self.others = others
    }
}
