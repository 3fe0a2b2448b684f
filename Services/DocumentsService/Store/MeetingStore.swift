import DocumentsAPI
import KansliPlatform
import KansliProtocol
import KansliStore

/// Reads and writes meetings, revisions and the yearly sequences on one connection (inside the
/// request's transaction, which `ServiceHost` opened).
struct MeetingStore {
    let connection: Connection

    /// `NBE 2022-06-22`, for messages and audit lines.
    static func name(_ ref: MeetingRef) -> String { "\(ref.committee) \(ref.date)" }

    private static let columns = "committee, date, committee_name, committee_short_name, revision, frozen, frozen_at, content, records"

    private func meeting(from row: Row) throws -> Meeting {
        let date = try row.get(1, as: String.self)
        guard let day = CalendarDate(date) else { throw ServiceError(.internal, "stored meeting has a malformed date") }
        let content = try ProtocolCoding.decode(MeetingContent.self, from: try row.get(7, as: [UInt8].self), what: "stored meeting content")
        let records = try ProtocolCoding.decode(MeetingRecords.self, from: try row.get(8, as: [UInt8].self), what: "stored meeting records")
        return Meeting(committee: try row.get(0, as: String.self), committeeName: try row.get(2, as: String.self),
                       committeeShortName: try row.get(3, as: String.self), date: day,
                       revision: Int(try row.get(4, as: Int64.self)), frozen: try row.get(5, as: Int64.self) == 1,
                       frozenAt: try row.get(6, as: String?.self), content: content, justeratOn: records.justeratOn,
                       notices: records.notices, dispatches: records.dispatches)
    }

    /// The meeting `ref` names, or `not_found`.
    func meeting(_ ref: MeetingRef) throws -> Meeting {
        guard let row = try connection.queryOne("SELECT \(Self.columns) FROM meeting WHERE committee = ? AND date = ?",
                                                [ref.committee, ref.date.description]) else {
            throw ServiceError.notFound("\(ref.committee) has no meeting on \(ref.date)", field: "meeting")
        }
        return try meeting(from: row)
    }

    /// Whether the committee has a meeting that day.
    func exists(_ ref: MeetingRef) throws -> Bool {
        try connection.queryOne("SELECT 1 FROM meeting WHERE committee = ? AND date = ?", [ref.committee, ref.date.description]) != nil
    }

    /// A committee's meetings (of `year` when given), by day.
    func list(committee: String?, year: Int?) throws -> [Meeting] {
        var sql = "SELECT \(Self.columns) FROM meeting"
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let committee { conditions.append("committee = ?"); arguments.append(committee) }
        if let year { conditions.append("year = ?"); arguments.append(Int64(year)) }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return try connection.query(sql + " ORDER BY committee, date", arguments).map(meeting(from:))
    }

    /// Stores a new meeting.
    func insert(_ meeting: Meeting, at now: Timestamp) throws {
        try connection.execute(
            "INSERT INTO meeting (\(Self.columns), year, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [meeting.committee, meeting.date.description, meeting.committeeName, meeting.committeeShortName,
             Int64(meeting.revision), Int64(meeting.frozen ? 1 : 0), meeting.frozenAt,
             try ProtocolCoding.encode(meeting.content), try ProtocolCoding.encode(Self.records(of: meeting)),
             Int64(meeting.date.year), now.microsecondsSince1970])
    }

    /// Stores a changed meeting. The one place every edit passes: a frozen revision's content
    /// is refused here (`conflict`), whatever handler asked, and by a trigger below that.
    func save(_ meeting: Meeting) throws {
        let stored = try self.meeting(MeetingRef(committee: meeting.committee, date: meeting.date))
        if stored.frozen, stored.revision == meeting.revision, stored.content != meeting.content || !meeting.frozen {
            throw Self.frozenError(stored)
        }
        try connection.execute(
            "UPDATE meeting SET revision = ?, frozen = ?, frozen_at = ?, content = ?, records = ? WHERE committee = ? AND date = ?",
            [Int64(meeting.revision), Int64(meeting.frozen ? 1 : 0), meeting.frozenAt,
             try ProtocolCoding.encode(meeting.content), try ProtocolCoding.encode(Self.records(of: meeting)),
             meeting.committee, meeting.date.description])
    }

    /// The refusal of an edit of a frozen revision.
    static func frozenError(_ meeting: Meeting) -> ServiceError {
        .conflict("revision \(meeting.revision) of the protocol of \(meeting.committee) \(meeting.date) is frozen for signing and never changes; documents.protocol.revise makes revision \(meeting.revision + 1)", field: "meeting")
    }

    static func records(of meeting: Meeting) -> MeetingRecords {
        MeetingRecords(justeratOn: meeting.justeratOn, notices: meeting.notices, dispatches: meeting.dispatches)
    }

    /// Keeps a frozen revision as it was, before the meeting moves to the next.
    func keep(revisionOf meeting: Meeting, reason: String, at now: Timestamp) throws {
        try connection.execute(
            "INSERT INTO protocol_revision (committee, date, revision, content, frozen_at, replaced_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [meeting.committee, meeting.date.description, Int64(meeting.revision), try ProtocolCoding.encode(meeting.content),
             meeting.frozenAt ?? "", now.microsecondsSince1970, reason])
    }

    /// The content of a replaced revision, if kept.
    func keptRevision(_ ref: MeetingRef, revision: Int) throws -> MeetingContent? {
        try connection.queryOne("SELECT content FROM protocol_revision WHERE committee = ? AND date = ? AND revision = ?",
                                [ref.committee, ref.date.description, Int64(revision)]).map {
            try ProtocolCoding.decode(MeetingContent.self, from: try $0.get(0, as: [UInt8].self), what: "stored revision")
        }
    }

    // MARK: Yearly sequences

    /// Where the committee's sequences of `year` stand (1 and 1 before anything is recorded).
    func sequence(committee: String, year: Int) throws -> YearSequence {
        let row = try connection.queryOne("SELECT next_paragraph, next_case_serial FROM year_sequence WHERE committee = ? AND year = ?",
                                          [committee, Int64(year)])
        return YearSequence(committee: committee, year: year, nextParagraph: Int(try row?.get(0, as: Int64.self) ?? 1),
                            nextCaseSerial: Int(try row?.get(1, as: Int64.self) ?? 1))
    }

    /// Stores where the sequences stand.
    func save(_ sequence: YearSequence) throws {
        try connection.execute(
            """
            INSERT INTO year_sequence (committee, year, next_paragraph, next_case_serial) VALUES (?, ?, ?, ?)
            ON CONFLICT (committee, year) DO UPDATE SET next_paragraph = excluded.next_paragraph, next_case_serial = excluded.next_case_serial
            """,
            [sequence.committee, Int64(sequence.year), Int64(sequence.nextParagraph), Int64(sequence.nextCaseSerial)])
    }

    /// How many paragraph numbers the committee's year has given.
    func paragraphCount(committee: String, year: Int) throws -> Int {
        Int(try connection.queryOne("SELECT COUNT(*) FROM paragraph_number WHERE committee = ? AND year = ?",
                                    [committee, Int64(year)])?.get(0, as: Int64.self) ?? 0)
    }

    /// The first paragraph of a later meeting of the same year, if any: an earlier meeting's new
    /// paragraph would break the order of the numbers.
    func laterParagraph(after ref: MeetingRef) throws -> (date: String, number: Int)? {
        try connection.queryOne(
            "SELECT date, MIN(number) FROM paragraph_number WHERE committee = ? AND year = ? AND date > ? GROUP BY date ORDER BY date LIMIT 1",
            [ref.committee, Int64(ref.date.year), ref.date.description]).map {
            (try $0.get(0, as: String.self), Int(try $0.get(1, as: Int64.self)))
        }
    }

    /// Records that `number` of the year went to the meeting; the primary key refuses a repeat.
    func claim(paragraph number: Int, for ref: MeetingRef) throws {
        try connection.execute("INSERT INTO paragraph_number (committee, year, number, date) VALUES (?, ?, ?, ?)",
                               [ref.committee, Int64(ref.date.year), Int64(number), ref.date.description])
    }

    /// Gives a number back (only the year's last one is ever given back).
    func release(paragraph number: Int, for ref: MeetingRef) throws {
        try connection.execute("DELETE FROM paragraph_number WHERE committee = ? AND year = ? AND number = ? AND date = ?",
                               [ref.committee, Int64(ref.date.year), Int64(number), ref.date.description])
    }
}
