import KansliProtocol

/// The content of a meeting's kallelse and protocol: what a frozen revision keeps unchanged.
public struct MeetingContent: Codable, Sendable, Equatable {
    /// When it starts, `HH:MM`.
    public var startTime: String
    /// When it ended, `HH:MM`.
    public var endTime: String?
    /// Where.
    public var place: String
    /// The agenda, in order.
    public var agenda: [AgendaItem]
    /// Who attended, once recorded.
    public var attendance: Attendance?
    /// The paragraphs, by number.
    public var paragraphs: [Paragraph]
    /// Justerare, justering and secretary, once recorded.
    public var `protocol`: ProtocolDetails?

    /// A `MeetingContent`.
    public init(startTime: String, endTime: String? = nil, place: String, agenda: [AgendaItem] = [], attendance: Attendance? = nil, paragraphs: [Paragraph] = [], `protocol`: ProtocolDetails? = nil) {
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.agenda = agenda
        self.attendance = attendance
        self.paragraphs = paragraphs
        self.protocol = `protocol`
    }
}
