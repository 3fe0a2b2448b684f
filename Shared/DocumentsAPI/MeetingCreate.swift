import KansliProtocol

/// `documents.meeting.create`: a meeting in a committee's year plan (sammanträdesplan), with its
/// agenda.
public struct MeetingCreate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The meeting's day.
    public var date: CalendarDate
    /// When it starts, `HH:MM` Swedish time.
    public var startTime: String
    /// When it ends, `HH:MM`, once known.
    public var endTime: String?
    /// Where: a room, or `Teams`.
    public var place: String
    /// The agenda (föredragningslista), in order.
    public var agenda: [AgendaItem]

    /// A `MeetingCreate`.
    public init(committee: String, date: CalendarDate, startTime: String, endTime: String? = nil, place: String, agenda: [AgendaItem] = []) {
        self.committee = committee
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.agenda = agenda
    }
}
