import KansliProtocol

/// `documents.protocol.set`: the protocol's justerare, justering and secretary.
public struct ProtocolSet: Codable, Sendable, Equatable {
    /// The meeting.
    public var meeting: MeetingRef
    /// The elected justerare (person ids of serving members).
    public var justerare: [String]
    /// Time and place of justering as written, e.g. `Protokollet justeras digitalt`.
    public var justeringPlace: String?
    /// The last day for justering the meeting set.
    public var justeringDeadline: CalendarDate?
    /// The secretary (person id of staff); by default the committee's secretary that day.
    public var secretary: String?
    /// Where the protocol is kept (förvaringsplats).
    public var storage: String?

    /// A `ProtocolSet`.
    public init(meeting: MeetingRef, justerare: [String] = [], justeringPlace: String? = nil, justeringDeadline: CalendarDate? = nil, secretary: String? = nil, storage: String? = nil) {
        self.meeting = meeting
        self.justerare = justerare
        self.justeringPlace = justeringPlace
        self.justeringDeadline = justeringDeadline
        self.secretary = secretary
        self.storage = storage
    }
}
