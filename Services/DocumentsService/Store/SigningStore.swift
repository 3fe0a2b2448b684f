import DocumentsAPI
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliSigning
import KansliStore

/// Reads and writes what signing keeps, on the request's connection: the frozen bytes of each
/// signed document, its signatures, the days documents became justerat, and each committee's
/// log. Rows are only ever inserted (triggers refuse an update or a delete).
struct SigningStore {
    let connection: Connection

    /// A signed document's frozen bytes and hashes.
    struct Frozen: Equatable {
        var target: SigningTarget
        var revision: Int
        var fileName: String
        var bytes: [UInt8]
        var sha256: String
        var annexName: String?
        var annex: [UInt8]?
        var annexSHA256: String?
        var sourceSHA256: String?
    }

    /// The key columns of a target: (committee, date, kind, paragraph or 0).
    static func key(_ target: SigningTarget) -> [any DatabaseValueConvertible] {
        [target.meeting.committee, target.meeting.date.description, target.kind.rawValue, Int64(target.paragraph ?? 0)]
    }

    // MARK: Frozen documents

    /// The document `target` froze at `revision`.
    func frozen(_ target: SigningTarget, revision: Int) throws -> Frozen? {
        try latestFrozen(target, atMost: revision).flatMap { $0.revision == revision ? $0 : nil }
    }

    /// The latest revision, up to `revision`, at which `target` was frozen (a revision replaced
    /// after signing keeps its bytes).
    func latestFrozen(_ target: SigningTarget, atMost revision: Int) throws -> Frozen? {
        let row = try connection.queryOne(
            """
            SELECT revision, file_name, bytes, sha256, annex_name, annex, annex_sha256, source_sha256 FROM signed_document
            WHERE committee = ? AND date = ? AND kind = ? AND paragraph = ? AND revision <= ? ORDER BY revision DESC LIMIT 1
            """, Self.key(target) + [Int64(revision)])
        guard let row else { return nil }
        return Frozen(target: target, revision: Int(try row.get(0, as: Int64.self)), fileName: try row.get(1, as: String.self),
                      bytes: try row.get(2, as: [UInt8].self), sha256: try row.get(3, as: String.self),
                      annexName: try row.get(4, as: String?.self), annex: try row.get(5, as: [UInt8]?.self),
                      annexSHA256: try row.get(6, as: String?.self), sourceSHA256: try row.get(7, as: String?.self))
    }

    func insert(_ frozen: Frozen, at now: Timestamp) throws {
        try connection.execute(
            """
            INSERT INTO signed_document (committee, date, kind, paragraph, revision, file_name, bytes, sha256, annex_name, annex,
                annex_sha256, source_sha256, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            Self.key(frozen.target) + [Int64(frozen.revision), frozen.fileName, frozen.bytes, frozen.sha256, frozen.annexName,
                                       frozen.annex, frozen.annexSHA256, frozen.sourceSHA256, now.microsecondsSince1970])
    }

    /// Whether any paragraph-level document (omedelbar justering) of `meeting` at `revision` is frozen.
    func frozenParagraphs(_ meeting: MeetingRef, revision: Int) throws -> [Int] {
        try connection.query("SELECT paragraph FROM signed_document WHERE committee = ? AND date = ? AND kind = 'paragraf' AND revision = ? ORDER BY paragraph",
                             [meeting.committee, meeting.date.description, Int64(revision)]).map { Int(try $0.get(0, as: Int64.self)) }
    }

    // MARK: Signatures

    func signatures(_ target: SigningTarget, revision: Int) throws -> [SignatureRecord] {
        try connection.query(
            """
            SELECT person, name, roles, key_id, public_key, statement, signature, signed_at FROM signature
            WHERE committee = ? AND date = ? AND kind = ? AND paragraph = ? AND revision = ? ORDER BY recorded_at, person
            """, Self.key(target) + [Int64(revision)]).map { row in
            let roles = try row.get(2, as: String.self).split(separator: ",").compactMap { SignerRole(rawValue: String($0)) }
            return SignatureRecord(person: try row.get(0, as: String.self), name: try row.get(1, as: String.self), roles: roles,
                                   keyID: try row.get(3, as: String.self), publicKey: try row.get(4, as: String.self),
                                   statement: String(decoding: try row.get(5, as: [UInt8].self), as: UTF8.self),
                                   signature: try row.get(6, as: [UInt8].self),
                                   signedAt: Timestamp(microsecondsSince1970: try row.get(7, as: Int64.self)))
        }
    }

    func insert(_ signature: SignatureRecord, target: SigningTarget, revision: Int, at now: Timestamp) throws {
        try connection.execute(
            """
            INSERT INTO signature (committee, date, kind, paragraph, revision, person, name, roles, key_id, public_key, statement,
                signature, signed_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            Self.key(target) + [Int64(revision), signature.person, signature.name, signature.roles.map(\.rawValue).joined(separator: ","),
                                signature.keyID, signature.publicKey, Array(signature.statement.utf8), signature.signature,
                                signature.signedAt.microsecondsSince1970, now.microsecondsSince1970])
    }

    // MARK: Justering

    /// A document made justerat: its revision and hash, the day, and the log entry that says so.
    struct Justering {
        var revision: Int
        var sha256: String
        var on: CalendarDate
        var logSequence: Int
    }

    /// When `target` became justerat, if it has.
    func justering(_ target: SigningTarget) throws -> Justering? {
        guard let row = try connection.queryOne(
            "SELECT revision, sha256, justerat_on, log_sequence FROM justering WHERE committee = ? AND date = ? AND kind = ? AND paragraph = ?",
            Self.key(target)) else { return nil }
        guard let day = CalendarDate(try row.get(2, as: String.self)) else { throw ServiceError(.internal, "stored justering has a malformed date") }
        return Justering(revision: Int(try row.get(0, as: Int64.self)), sha256: try row.get(1, as: String.self), on: day,
                         logSequence: Int(try row.get(3, as: Int64.self)))
    }

    func insertJustering(_ target: SigningTarget, revision: Int, sha256: String, on day: CalendarDate, logSequence: Int) throws {
        try connection.execute(
            "INSERT INTO justering (committee, date, kind, paragraph, revision, sha256, justerat_on, log_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            Self.key(target) + [Int64(revision), sha256, day.description, Int64(logSequence)])
    }

    // MARK: The committee log

    /// The committee's entries after `after` and up to `through`, in order, as their exact texts.
    func log(committee: String, after: Int = 0, through: Int = .max) throws -> [[UInt8]] {
        try connection.query("SELECT text FROM log_entry WHERE committee = ? AND sequence > ? AND sequence <= ? ORDER BY sequence",
                             [committee, Int64(after), Int64(through)]).map { try $0.get(0, as: [UInt8].self) }
    }

    /// The last entry's sequence, hash and text, or nil for an empty log.
    func head(committee: String) throws -> (sequence: Int, sha256: String, text: [UInt8])? {
        try connection.queryOne("SELECT sequence, sha256, text FROM log_entry WHERE committee = ? ORDER BY sequence DESC LIMIT 1", [committee])
            .map { (Int(try $0.get(0, as: Int64.self)), try $0.get(1, as: String.self), try $0.get(2, as: [UInt8].self)) }
    }

    /// The hash of entry `sequence` of the committee's log.
    func entryHash(committee: String, sequence: Int) throws -> String? {
        try connection.queryOne("SELECT sha256 FROM log_entry WHERE committee = ? AND sequence = ?", [committee, Int64(sequence)])
            .map { try $0.get(0, as: String.self) }
    }

    /// Appends an event to the committee's log, chained to the entry before; its sequence.
    @discardableResult
    func append(committee: String, event: String, fields: [LogEntry.Field], at now: Timestamp) throws -> (sequence: Int, sha256: String) {
        let head = try self.head(committee: committee)
        var time = now
        // The log's times never go back, even if a clock did.
        if let head, let previous = try? LogEntry(parsing: head.text), previous.time > time { time = previous.time }
        let previousHash = head.flatMap { Hex.decode($0.sha256) } ?? LogEntry.noPrevious
        let entry = LogEntry(committee: committee, sequence: (head?.sequence ?? 0) + 1, previousHash: previousHash, time: time,
                             event: event, fields: fields)
        let bytes: [UInt8]
        do {
            bytes = try entry.bytes()
        } catch {
            throw ServiceError(.internal, "a log entry could not be written: \(error)")
        }
        let hash = Hex.encode(SHA256.hash(bytes), uppercase: true)
        try connection.execute("INSERT INTO log_entry (committee, sequence, text, sha256) VALUES (?, ?, ?, ?)",
                               [committee, Int64(entry.sequence), bytes, hash])
        return (entry.sequence, hash)
    }
}
