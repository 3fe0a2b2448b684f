import KansliStore
import RegistryAPI

/// What a read handler works with: the connection of the request's read transaction, and the
/// registry's cache of committee states.
///
/// `RegistryDefinition` hands one only to methods that are not writes, which the runtime runs in a
/// read transaction on committed data: the condition for filling `CommitteeStateCache`.
struct RegistryReadContext {
    /// The connection, inside the request's read transaction.
    let connection: Connection
    /// The committee states already read, by version.
    let cache: CommitteeStateCache

    /// The store on the request's connection.
    var store: RegistryStore { RegistryStore(connection: connection) }

    /// The committee with `code` as this transaction sees it, from the cache when it holds that
    /// version; `not_found` naming `field` if there is no such committee.
    func state(of code: String, field: String = "committee") throws -> CommitteeState {
        let code = code.uppercased()  // as the store matches it: one cache entry per committee
        let version = try store.requireVersion(of: code, field: field)
        if let state = cache.state(of: code, at: version) {
            return state
        }
        let state = CommitteeState(try store.file(version.seq))
        cache.insert(state, of: code, at: version)
        return state
    }
}
