import KansliPlatform
import KansliService
import KansliStore
import RegistryAPI

/// What a write handler works with: the request's context (its write transaction, key, time and
/// audit trail) and the registry's cache of committee states, so that a write starts from the
/// cached state instead of reading the whole committee from the tables, and leaves the state it
/// made for the next request.
///
/// ## Why what a write leaves in the cache is never wrong
/// The state a write computes is published under a version that no other set of records can
/// carry: `publish` stamps the committee with a fresh random `write_token` (migration 5), which
/// also gives it a new revision (the committee's update trigger), and keys the entry by rowid,
/// revision *and* token. If the transaction commits, readers that see that version see exactly
/// those records. If it is rolled back, the revision may be handed out again to other records,
/// but never together with that token (a later write stamps its own, and any other change leaves
/// the previous committed token), so the entry is never taken.
struct RegistryWriteContext {
    /// The request: key, time, audit trail, and the connection inside its write transaction.
    let request: HandlerContext
    /// The committee states, by version.
    let cache: CommitteeStateCache

    /// The connection, inside the request's write transaction.
    var connection: Connection { request.connection }
    /// The store, stamping what it writes with the request's key and time.
    var store: RegistryStore { RegistryStore(request) }

    /// Appends an entry to the audit trail, in the request's transaction.
    func audit(action: String, entity: String, entityID: String, summary: String) throws {
        try request.audit(action: action, entity: entity, entityID: entityID, summary: summary)
    }

    /// The committee with `code` as the transaction sees it — the latest committed records, since
    /// a write transaction begins by taking the writer's lock — from the cache when it holds that
    /// version; `not_found` naming `field` if there is no such committee.
    func state(of code: String, field: String = "committee") throws -> (seq: Int64, state: CommitteeState) {
        let code = code.uppercased()  // as the store matches it: one cache entry per committee
        let store = self.store
        let version = try store.requireVersion(of: code, field: field)
        if let state = cache.state(of: code, at: version) {
            return (version.seq, state)
        }
        return (version.seq, CommitteeState(try store.file(version.seq)))
    }

    /// Leaves `state` — exactly what the committee with rowid `seq` holds now that this write has
    /// stored its change — in the cache under a version of its own (see the type's overview).
    /// Called after the last change to the committee's records in the transaction.
    func publish(_ state: CommitteeState, seq: Int64) throws {
        let token = Int64.random(in: 1...Int64.max)
        try connection.execute("UPDATE registry_committee SET write_token = ? WHERE seq = ?", [token, seq])
        let version = try store.requireVersion(of: state.code)
        precondition(version.seq == seq && version.token == token, "the committee changed under its own write")
        cache.insert(state, of: state.code, at: version)
    }
}
