import KansliPlatform
import KansliCrypto
import KansliProtocol
import KansliStore

/// Remembers, per idempotency key, the response a write produced, so that a retried write is
/// answered from here instead of being applied twice. The record is written in the write's own
/// transaction: either both the change and its key are durable, or neither is. Keys are kept
/// for `retention` (seven days), which outlives any client's retries and survives restarts.
enum IdempotencyStore {
    static let retention: Int64 = 7 * 24 * 3600

    static let schema = """
        CREATE TABLE IF NOT EXISTS kansli_idempotency (
            idempotency_key BLOB PRIMARY KEY,
            key_id TEXT NOT NULL,
            method INTEGER NOT NULL,
            request_hash BLOB NOT NULL,
            response BLOB NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS kansli_idempotency_created ON kansli_idempotency(created_at);
        """

    /// The stored response for `key`, if this write was applied before. A key reused by another
    /// client key, for another method or with another request body is a `conflict`.
    static func storedResponse(for key: [UInt8], keyID: String, method: UInt16, requestHash: [UInt8],
                               on connection: Connection) throws -> [UInt8]? {
        guard let row = try connection.queryOne(
            "SELECT key_id, method, request_hash, response FROM kansli_idempotency WHERE idempotency_key = ?",
            [.blob(key)])
        else { return nil }
        let storedKeyID: String = try row.get(0)
        let storedMethod: Int64 = try row.get(1)
        let storedHash: [UInt8] = try row.get(2)
        guard storedKeyID == keyID, storedMethod == Int64(method), ConstantTime.equals(storedHash, requestHash) else {
            throw ServiceError.conflict("idempotency key \(Hex.encode(key)) was already used for a different request",
                                        field: "idempotencyKey")
        }
        return try row.get(3)
    }

    static func record(key: [UInt8], keyID: String, method: UInt16, requestHash: [UInt8], response: [UInt8],
                       at now: Timestamp, on connection: Connection) throws {
        try connection.execute(
            "INSERT INTO kansli_idempotency (idempotency_key, key_id, method, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [.blob(key), .text(keyID), .integer(Int64(method)), .blob(requestHash), .blob(response),
             .integer(now.secondsSince1970)])
    }

    /// Deletes keys older than the retention period.
    static func purge(before now: Timestamp, on connection: Connection) throws {
        try connection.execute("DELETE FROM kansli_idempotency WHERE created_at < ?",
                               [.integer(now.secondsSince1970 - retention)])
    }

    /// The shortest value `forget(responsesContaining:)` looks for: a shorter one would match
    /// unrelated responses, and forgetting those would let their retries apply twice.
    static let shortestForgettableValue = 6

    /// Deletes the stored responses that contain any of `values` (as UTF-8 bytes) and returns how
    /// many it deleted. For an erasure: a response kept for replay must not keep what was erased.
    static func forget(responsesContaining values: [String], on connection: Connection) throws -> Int {
        var deleted = 0
        for value in values where value.utf8.count >= shortestForgettableValue {
            try connection.execute("DELETE FROM kansli_idempotency WHERE instr(response, ?) > 0", [.blob(Array(value.utf8))])
            deleted += connection.changes
        }
        return deleted
    }
}
