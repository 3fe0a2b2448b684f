import KansliProtocol

/// A decision sent to those on its distribution list.
public struct Dispatch: Codable, Sendable, Equatable {
    /// The paragraph.
    public var paragraph: Int
    /// Who it was sent to.
    public var recipients: [String]
    /// The day it was sent.
    public var sentOn: CalendarDate
    /// How.
    public var channel: String
    /// When it was recorded (ISO 8601 UTC).
    public var recordedAt: String

    /// A `Dispatch`.
    public init(paragraph: Int, recipients: [String] = [], sentOn: CalendarDate, channel: String, recordedAt: String) {
        self.paragraph = paragraph
        self.recipients = recipients
        self.sentOn = sentOn
        self.channel = channel
        self.recordedAt = recordedAt
    }
}
