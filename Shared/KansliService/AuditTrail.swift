import KansliPlatform
import KansliProtocol
import KansliStore
import KansliTransport

/// The runtime's audit table: one row per change, written in the change's own transaction, so
/// the trail holds exactly the changes that were committed.
enum AuditTrail {
    static let schema = """
        CREATE TABLE IF NOT EXISTS kansli_audit (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            key_id TEXT NOT NULL,
            method TEXT NOT NULL,
            request_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            summary TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS kansli_audit_entity ON kansli_audit(entity, sequence);
        """

    /// Most entries one `audit` call returns.
    static let maximumLimit = 1000

    static func append(_ entry: AuditEntry, requestID: UInt32, to connection: Connection) throws {
        try connection.execute(
            "INSERT INTO kansli_audit (at, key_id, method, request_id, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [.text(entry.at), .text(entry.keyID), .text(entry.method), .integer(Int64(requestID)),
             .text(entry.action), .text(entry.entity), .text(entry.entityID), .text(entry.summary)])
    }

    static func list(_ query: AuditQuery, on connection: Connection) throws -> [AuditEntry] {
        guard query.limit >= 1 else {
            throw ServiceError.validation("limit must be at least 1, got \(query.limit)", field: "limit")
        }
        let limit = Int64(min(query.limit, maximumLimit))
        let columns = "sequence, at, key_id, method, action, entity, entity_id, summary"
        let rows: [Row]
        if let entity = query.entity {
            rows = try connection.query("SELECT \(columns) FROM kansli_audit WHERE entity = ? ORDER BY sequence DESC LIMIT ?",
                                        [.text(entity), .integer(limit)])
        } else {
            rows = try connection.query("SELECT \(columns) FROM kansli_audit ORDER BY sequence DESC LIMIT ?", [.integer(limit)])
        }
        return try rows.map { row in
            AuditEntry(sequence: try row.get(0), at: try row.get(1), keyID: try row.get(2), method: try row.get(3),
                       action: try row.get(4), entity: try row.get(5), entityID: try row.get(6), summary: try row.get(7))
        }
    }

    /// `timestamp` as UTC ISO 8601 with milliseconds (`2024-03-01T09:15:02.417Z`).
    static func timestamp(_ timestamp: Timestamp) -> String {
        timestamp.iso8601(.milliseconds)
    }
}
