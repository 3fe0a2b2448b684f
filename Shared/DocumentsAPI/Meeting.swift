import KansliProtocol

/// A meeting with everything recorded about it: the protocol's content (`content`), its revision
/// and whether that revision is frozen for signing, and the records kept beside the content
/// (justering day, notices, dispatches), which never change the content.
public struct Meeting: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The committee's full name, as the registry gave it when the meeting was created.
    public var committeeName: String
    /// The committee's short name (`E-nämnden`).
    public var committeeShortName: String
    /// The meeting's day.
    public var date: CalendarDate
    /// The protocol's revision, from 1; a frozen revision is never edited,
    /// `documents.protocol.revise` makes the next.
    public var revision: Int
    /// Whether this revision is frozen for signing: every edit of its content is refused.
    public var frozen: Bool
    /// When it was frozen (ISO 8601 UTC).
    public var frozenAt: String?
    /// What the kallelse and the protocol show.
    public var content: MeetingContent
    /// The day the protocol was justerat, once recorded.
    public var justeratOn: CalendarDate?
    /// The notice's postings, one per party, in the order recorded.
    public var notices: [NoticePosting]
    /// Decisions sent to their distribution lists, in the order recorded.
    public var dispatches: [Dispatch]

    /// A `Meeting`.
    public init(committee: String, committeeName: String, committeeShortName: String, date: CalendarDate, revision: Int, frozen: Bool = false, frozenAt: String? = nil, content: MeetingContent, justeratOn: CalendarDate? = nil, notices: [NoticePosting] = [], dispatches: [Dispatch] = []) {
        self.committee = committee
        self.committeeName = committeeName
        self.committeeShortName = committeeShortName
        self.date = date
        self.revision = revision
        self.frozen = frozen
        self.frozenAt = frozenAt
        self.content = content
        self.justeratOn = justeratOn
        self.notices = notices
        self.dispatches = dispatches
    }
}
