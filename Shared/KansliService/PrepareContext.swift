import KansliPlatform
import KansliProtocol
import KansliStore

/// What the preparation of a request knows: who called, when, and how to reach the service's
/// peers. It has no database connection: a preparation runs **outside** any transaction, so a
/// handler that waits on another service never holds the single writer (or a read snapshot)
/// while it waits.
///
/// A preparation may read its inputs, read its own database in a snapshot that ends before it
/// calls a peer (`read`), and call peers (`peers.call`), and may fail (a peer that
/// does not answer is `unavailable`); it writes nothing. What it returns is handed to the
/// application, which runs inside the request's transaction and does only database work.
public struct PrepareContext: Sendable {
    /// The client key that called.
    public let keyID: String
    /// The role that key holds.
    public let role: Role
    /// The method's name, e.g. `finance.budget.adopt`.
    public let methodName: String
    /// The client's request id.
    public let requestID: UInt32
    /// When the request arrived.
    public let now: Timestamp
    /// The service's peers, with this request's deadline for calls to them.
    public let peers: PeerCalls
    /// The service's database, for `read`.
    let database: Database

    /// Reads the service's own database (what a peer must be asked about), in a snapshot that
    /// is over when `body` returns; the application reads again inside its transaction.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try database.read(body)
    }
}
