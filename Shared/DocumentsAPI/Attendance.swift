import KansliProtocol

/// Who attended a meeting, resolved against the registry's composition on its day.
public struct Attendance: Codable, Sendable, Equatable {
    /// The day of the composition it was resolved against.
    public var compositionDate: CalendarDate
    /// The committee's ledamot seats that day (filled or vacant): quorum is more than half of them.
    public var seats: Int
    /// The committee's parties that day, in the registry's order: those whose notice boards carry
    /// the notice.
    public var parties: [AttendanceParty]
    /// Every ledamot and ersättare that day, in the registry's order.
    public var members: [Attendee]
    /// Others present.
    public var others: [OtherAttendee]
    /// The committee's staff that day (the secretary signs the protocol).
    public var staff: [StaffMember]

    /// A `Attendance`.
    public init(compositionDate: CalendarDate, seats: Int, parties: [AttendanceParty] = [], members: [Attendee] = [], others: [OtherAttendee] = [], staff: [StaffMember] = []) {
        self.compositionDate = compositionDate
        self.seats = seats
        self.parties = parties
        self.members = members
        self.others = others
        self.staff = staff
    }
}
