/// Settings of a ``Database``.
///
/// There is deliberately no setting for durability: every database is WAL with
/// `synchronous=FULL` and `foreign_keys=ON`.
public struct DatabaseConfiguration: Sendable, Equatable {
    /// The most reader connections a database may have.
    public static let maximumReaderCount = 64

    /// How long a statement waits for a lock held by another connection (another process, or a
    /// WAL checkpoint) before failing with `SQLITE_BUSY`; also how long ``Database/read(_:)`` waits
    /// for a free reader connection. Default 5 seconds.
    public var busyTimeout: Duration
    /// The most reader connections for concurrent ``Database/read(_:)`` calls, in
    /// `0...maximumReaderCount`. Default 4. They open as reads need them: none at start, more
    /// only when that many reads run at once. With 0 (and always for an in-memory database), reads
    /// run on the writer connection, one at a time with writes.
    public var readerCount: Int
    /// How many prepared statements each connection keeps, by SQL text. Default 256.
    public var statementCacheCapacity: Int

    /// Creates a configuration; every parameter has the default described on its property.
    public init(busyTimeout: Duration = .seconds(5), readerCount: Int = 4, statementCacheCapacity: Int = 256) {
        self.busyTimeout = busyTimeout
        self.readerCount = readerCount
        self.statementCacheCapacity = statementCacheCapacity
    }

    /// Throws ``DatabaseError/Kind/invalidConfiguration`` for a value out of range.
    func validate() throws {
        func invalid(_ message: String) -> DatabaseError {
            DatabaseError(kind: .invalidConfiguration, extendedResultCode: .misuse, message: message)
        }
        guard (0...Self.maximumReaderCount).contains(readerCount) else {
            throw invalid("readerCount \(readerCount) is not in 0...\(Self.maximumReaderCount)")
        }
        guard busyTimeout >= .zero, busyTimeout <= .seconds(3600) else {
            throw invalid("busyTimeout \(busyTimeout) is not between zero and one hour")
        }
        guard statementCacheCapacity >= 0 else {
            throw invalid("statementCacheCapacity \(statementCacheCapacity) is negative")
        }
    }
}
