import KansliPlatform
import KansliProtocol
import KansliStore

/// What a handler (or the application step of a prepared one) knows about the request it
/// answers, and the database connection it works in. It has no peers: work inside the
/// transaction is database work only (peer calls belong in the preparation, `PrepareContext`).
///
/// For a write method the connection is inside a write transaction that commits (durably) only
/// after the handler returns; if the handler throws, nothing it wrote remains. For a read method
/// it is inside a read transaction: a consistent snapshot.
public struct HandlerContext {
    /// The client key that called.
    public let keyID: String
    /// The role that key holds.
    public let role: Role
    /// The method's name, e.g. `registry.party.add`.
    public let methodName: String
    /// The client's request id.
    public let requestID: UInt32
    /// When the request arrived.
    public let now: Timestamp
    /// The connection, inside the request's transaction.
    public let connection: Connection
    /// The host answering the request (for the common methods' counters).
    let host: ServiceHost

    /// Appends an entry to the service's audit trail, in the request's transaction.
    public func audit(action: String, entity: String, entityID: String, summary: String) throws {
        try AuditTrail.append(
            AuditEntry(sequence: 0, at: AuditTrail.timestamp(now), keyID: keyID, method: methodName,
                       action: action, entity: entity, entityID: entityID, summary: summary),
            requestID: requestID, to: connection)
    }

    /// Forgets the stored responses of earlier writes (kept for replaying retries) that contain
    /// any of `values`: an erasure of personal data must reach those copies too. Values shorter
    /// than six bytes are not looked for (they would match unrelated responses). A retry of a
    /// forgotten write is applied again, so callers erase only what a retry cannot recreate
    /// unnoticed (the registry's revisions refuse a stale update). Returns how many were forgotten.
    @discardableResult
    public func forgetStoredResponses(containing values: [String]) throws -> Int {
        try IdempotencyStore.forget(responsesContaining: values, on: connection)
    }
}
