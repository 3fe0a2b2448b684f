import KansliProtocol
import RegistryAPI

extension RegistryHandlers {
    /// The revision a change to a stored record gets: one more than `stored`, the revision the
    /// transaction reads. `conflict` naming `field` if the caller sent the revision it read
    /// (`sent`) and another write has stored the record since: the message names the key that
    /// stored the later revision and when, and says to read the record again. A caller that sends
    /// no revision (a client older than revisions) changes the record as it is.
    static func nextRevision(stored: Int?, sent: Int?, of what: String, id: String, field: String, table: String,
                             store: RegistryStore, committee seq: Int64) throws -> Int {
        let current = stored ?? 1
        if let sent, sent != current {
            let change = try store.lastChange(in: table, committee: seq, id: id)
            let who = change.keyID.map { "by key \(ServiceError.quote($0))" } ?? "by a write before revisions were kept"
            let when = change.at.map { " at \($0)" } ?? ""
            throw ServiceError.conflict(
                "\(what) \(ServiceError.quote(id)) has changed since revision \(sent) was read: revision \(current) "
                    + "was stored \(who)\(when); read it again and repeat the change on that revision",
                field: field)
        }
        return current + 1
    }
}
