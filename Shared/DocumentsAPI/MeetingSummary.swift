import KansliProtocol

/// One line of `documents.meeting.list`.
public struct MeetingSummary: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The meeting's day.
    public var date: CalendarDate
    /// When it starts.
    public var startTime: String
    /// Where.
    public var place: String
    /// How many agenda items it has.
    public var agendaItems: Int
    /// Its first paragraph number, once it has paragraphs.
    public var firstParagraph: Int?
    /// Its last paragraph number.
    public var lastParagraph: Int?
    /// The protocol's revision.
    public var revision: Int
    /// Whether that revision is frozen for signing.
    public var frozen: Bool
    /// The day the protocol was justerat, once recorded.
    public var justeratOn: CalendarDate?

    /// A `MeetingSummary`.
    public init(committee: String, date: CalendarDate, startTime: String, place: String, agendaItems: Int, firstParagraph: Int? = nil, lastParagraph: Int? = nil, revision: Int, frozen: Bool = false, justeratOn: CalendarDate? = nil) {
        self.committee = committee
        self.date = date
        self.startTime = startTime
        self.place = place
        self.agendaItems = agendaItems
        self.firstParagraph = firstParagraph
        self.lastParagraph = lastParagraph
        self.revision = revision
        self.frozen = frozen
        self.justeratOn = justeratOn
    }
}
