import KansliProtocol

/// The notice posted on one party's board.
public struct NoticePosting: Codable, Sendable, Equatable {
    /// The party's code.
    public var party: String
    /// The party's name.
    public var partyName: String
    /// The day it went up.
    public var postedOn: CalendarDate
    /// When it was recorded (ISO 8601 UTC).
    public var recordedAt: String

    /// A `NoticePosting`.
    public init(party: String, partyName: String, postedOn: CalendarDate, recordedAt: String) {
        self.party = party
        self.partyName = partyName
        self.postedOn = postedOn
        self.recordedAt = recordedAt
    }
}
