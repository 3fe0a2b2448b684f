import KansliProtocol

/// `documents.meeting.update`: replaces a meeting's time, place and agenda.
public struct MeetingUpdate: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// When it starts, `HH:MM`.
    public var startTime: String
    /// When it ends, `HH:MM`.
    public var endTime: String?
    /// Where.
    public var place: String
    /// The whole agenda, in order.
    public var agenda: [AgendaItem]

    /// A `MeetingUpdate`.
    public init(meeting: MeetingRef, startTime: String, endTime: String? = nil, place: String, agenda: [AgendaItem] = []) {
        self.meeting = meeting
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.agenda = agenda
    }
}
