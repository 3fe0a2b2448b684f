internal import CSQLite
import KansliPlatform
import Synchronization

/// An SQLite database file: one writer connection serialized behind a `Mutex`, and a small pool
/// of reader connections for concurrent reads.
///
/// ```swift
/// let db = try Database(path: "/var/lib/kansli/registry.sqlite")
/// try db.migrate(RegistrySchema.migrations)
/// try db.write { conn in
///     try conn.execute("INSERT INTO member(id, name) VALUES (?, ?)", [id, name])
/// }
/// let count = try db.read { conn in
///     try conn.queryOne("SELECT count(*) FROM member")!.get(0, as: Int.self)
/// }
/// ```
///
/// ## Durability
/// Every connection runs in WAL mode with `synchronous=FULL` (and `fullfsync` where the platform
/// has it), so ``write(_:)`` returns only after the commit is on disk: an acknowledged write
/// survives `kill -9` and power loss, and a write cut off before COMMIT leaves nothing behind
/// (SQLite ignores WAL frames without a commit record when it next opens the file).
/// `foreign_keys=ON` is set on every connection.
///
/// So a service killed with `kill -9` at any moment restarts with every write it acknowledged and
/// nothing of a transaction it had not committed; an integration test can check exactly that by
/// killing a service process after N acknowledged writes and reopening its file. (This module's
/// own tests do it with a child process killing itself mid-transaction and at a random moment.)
/// Power loss is covered by the fsync at each commit, which tests cannot simulate.
///
/// ## Threads and re-entrancy
/// `read`, `write` and `writeWithoutTransaction` block the calling thread: writes wait for the
/// writer one at a time, reads for a free reader (at most the busy timeout). Their bodies are
/// synchronous, and the ``Connection`` they receive is valid only inside the body, on its thread.
/// Calls nested on the same thread behave as follows:
///
/// | outer ↓ / inner → | `write` | `read` | `writeWithoutTransaction` |
/// | --- | --- | --- | --- |
/// | `write` | savepoint in the outer transaction | on the writer, sees uncommitted changes, read-only | trap |
/// | `read` | trap | same connection and snapshot | trap |
/// | `writeWithoutTransaction` | its own transaction on the writer | read-only transaction on the writer | trap |
///
/// "trap" is a `fatalError` whose message says what was misused, in debug and release builds alike.
/// A nested write that throws undoes only its own changes; they become durable when the outermost
/// write commits. A write inside a read is refused because its changes would be invisible to the
/// read's snapshot yet commit on their own — do the write outside the read.
public final class Database: Sendable {
    /// The file path, or `":memory:"`.
    public let path: String
    /// The settings the database was opened with.
    public let configuration: DatabaseConfiguration
    /// Whether the database lives in memory only (``inMemory(configuration:)``).
    public let isInMemory: Bool

    /// The writer connection. Lent only while `writerLock` is held.
    private let writer: ConnectionSlot
    /// Serializes writes in this process (SQLite serializes them between processes).
    private let writerLock = Mutex<Void>(())
    /// The reader connections; `nil` when reads run on the writer.
    private let readers: ReaderPool?
    /// A directory to delete when the database goes away (``temporary(configuration:)``).
    private let temporaryDirectory: String?

    /// Opens (creating if needed) the database at `path`.
    ///
    /// Sets WAL mode, `synchronous=FULL`, `foreign_keys=ON` and the busy timeout, and checks each
    /// took effect. Call ``migrate(_:)`` next.
    ///
    /// - Parameters:
    ///   - path: The file. `":memory:"` gives a private in-memory database, as
    ///     ``inMemory(configuration:)`` does.
    ///   - configuration: Busy timeout, reader count, statement cache size.
    /// - Throws: ``DatabaseError``: the file cannot be opened or is not a database
    ///   (`SQLITE_CANTOPEN`, `SQLITE_NOTADB`), a setting did not take
    ///   (``DatabaseError/Kind/configurationFailed``), or the configuration is out of range.
    public convenience init(path: String, configuration: DatabaseConfiguration = .init()) throws {
        try self.init(path: path, temporaryDirectory: nil, configuration: configuration)
    }

    /// A new, empty database that lives in memory and disappears with the value.
    ///
    /// For tests. Everything runs on one connection, so reads take turns with writes, and
    /// `journal_mode` is `memory` rather than WAL.
    public static func inMemory(configuration: DatabaseConfiguration = .init()) throws -> Database {
        try Database(path: ":memory:", temporaryDirectory: nil, configuration: configuration)
    }

    /// A new, empty database in a fresh temporary directory, deleted (with its WAL files) when
    /// the value goes away.
    ///
    /// For tests that need the real thing: a file in WAL mode with readers, fsync'd commits, and
    /// a ``path`` that a second `Database` (or another process) can open.
    public static func temporary(configuration: DatabaseConfiguration = .init()) throws -> Database {
        let directory: String
        do {
            directory = try FileSystem.makeTemporaryDirectory(prefix: "kansli-store")
        } catch {
            throw DatabaseError(kind: .misuse, extendedResultCode: .cannotOpen,
                                message: "cannot create a temporary directory: \(error.message)")
        }
        do {
            return try Database(path: directory + "/db.sqlite", temporaryDirectory: directory,
                                configuration: configuration)
        } catch {
            _ = try? FileSystem.removeTree(directory)
            throw error
        }
    }

    private init(path: String, temporaryDirectory: String?, configuration: DatabaseConfiguration) throws {
        try configuration.validate()
        let inMemory = path == ":memory:" || path.isEmpty
        let writerConnection = try Connection(
            path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
            busyTimeout: configuration.busyTimeout, statementCacheCapacity: configuration.statementCacheCapacity)
        let journalMode = try writerConnection.runInternal("PRAGMA journal_mode = WAL").first?[0]
        let expectedMode: DatabaseValue = .text(inMemory ? "memory" : "wal")
        guard journalMode == expectedMode else {
            throw DatabaseError(
                kind: .configurationFailed, extendedResultCode: .error,
                message: "journal_mode is \(journalMode?.description ?? "unknown"), not \(expectedMode)",
                sql: "PRAGMA journal_mode = WAL")
        }
        try Self.applyCommonSettings(to: writerConnection)

        // Readers open when a read first needs one: an idle process holds none.
        var readers: ReaderPool?
        if !inMemory && configuration.readerCount > 0 {
            let options = (busyTimeout: configuration.busyTimeout, cache: configuration.statementCacheCapacity)
            readers = ReaderPool(capacity: configuration.readerCount, waitLimit: configuration.busyTimeout) {
                let reader = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                            busyTimeout: options.busyTimeout, statementCacheCapacity: options.cache)
                try Self.applyCommonSettings(to: reader)
                // Readers never write: a write in a read body fails with SQLITE_READONLY.
                _ = try reader.runInternal("PRAGMA query_only = ON")
                return reader
            }
        }

        self.path = path
        self.configuration = configuration
        self.isInMemory = inMemory
        self.writer = ConnectionSlot(writerConnection)
        self.readers = readers
        self.temporaryDirectory = temporaryDirectory
    }

    /// `synchronous=FULL`, `foreign_keys=ON` and `fullfsync=ON`, each checked.
    private static func applyCommonSettings(to connection: Connection) throws {
        // FULL: the WAL is fsync'd at every commit, so a commit survives power loss. Never lower.
        _ = try connection.runInternal("PRAGMA synchronous = FULL")
        _ = try connection.runInternal("PRAGMA foreign_keys = ON")
        // F_FULLFSYNC on Apple platforms, where fsync alone does not reach the platter; a no-op elsewhere.
        _ = try connection.runInternal("PRAGMA fullfsync = ON")
        for (pragma, expected) in [("synchronous", 2), ("foreign_keys", 1)] {
            let value = try connection.runInternal("PRAGMA \(pragma)").first?[0]
            guard value == .integer(Int64(expected)) else {
                throw DatabaseError(
                    kind: .configurationFailed, extendedResultCode: .error,
                    message: "PRAGMA \(pragma) is \(value?.description ?? "unknown"), not \(expected)",
                    sql: "PRAGMA \(pragma)")
            }
        }
    }

    deinit {
        // No other reference exists, so no connection is lent: close them before deleting files.
        readers?.closeAll()
        writer.connection.close()
        if let temporaryDirectory {
            // Best effort: a leftover temporary directory harms nothing, and deinit cannot throw.
            _ = try? FileSystem.removeTree(temporaryDirectory)
        }
    }

    // MARK: - Access

    /// How many reader connections are open now (they open as concurrent reads need them).
    var openReaderCount: Int { readers?.openCount ?? 0 }

    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE`, the body, `COMMIT`.
    ///
    /// When `body` throws, the transaction is rolled back — nothing of it is written — and the
    /// error is rethrown. When `write` returns, the commit is on disk (`synchronous=FULL`).
    /// Writes from all threads run one at a time. Inside another `write` on the same thread, the
    /// body runs in a savepoint of the outer transaction (see the table on ``Database``).
    ///
    /// Keep bodies short: they hold the only writer. Do no network I/O in them.
    ///
    /// - Throws: The body's error, or a ``DatabaseError`` from BEGIN (`SQLITE_BUSY` when another
    ///   process holds the write lock beyond the busy timeout) or COMMIT.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        let thread = ThreadIdentity.current
        let connection = writer.connection
        if connection.isLent(to: thread) {
            // Re-entrant: this thread already holds the writer.
            requireCorrectUse(connection.readScopeDepth == 0, Self.writeInReadMessage)
            return connection.isAutocommit
                ? try connection.inTransaction(.immediate, body)
                : try connection.inSavepoint(body)
        }
        requireCorrectUse(readers?.connectionLent(to: thread) == nil, Self.writeInReadMessage)
        return try withWriter { try $0.inTransaction(.immediate, body) }
    }

    /// Runs `body` in a read transaction: every query in it sees one consistent snapshot, taken
    /// at its first read, whatever writers commit meanwhile.
    ///
    /// Reads run concurrently on the reader connections; a write in the body fails with
    /// `SQLITE_READONLY`. Nested in a `write` on the same thread, the body runs on the writer and
    /// sees the write's uncommitted changes (see the table on ``Database``).
    ///
    /// - Throws: The body's error, or ``DatabaseError/Kind/noReaderAvailable`` when every reader
    ///   stayed busy for the busy timeout.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let thread = ThreadIdentity.current
        let connection = writer.connection
        if connection.isLent(to: thread) {
            return try connection.inReadScope(body)
        }
        guard let readers else {
            return try withWriter { try $0.inReadScope(body) }
        }
        if let lent = readers.connectionLent(to: thread) {
            // Re-entrant: same connection, same transaction, same snapshot.
            return try body(lent.connection)
        }
        return try readers.withReader { try $0.inTransaction(.deferred, body) }
    }

    /// Runs `body` on the writer connection outside any transaction, for statements that cannot
    /// run inside one: `VACUUM`, `PRAGMA wal_checkpoint(TRUNCATE)`, … Each statement in it commits
    /// on its own; the body may also run `BEGIN` … `COMMIT` itself. ``write(_:)`` and ``read(_:)``
    /// nested in it run their own transactions on the writer.
    ///
    /// - Precondition: not called inside `read` or `write` on the same thread.
    /// - Throws: The body's error, or ``DatabaseError/Kind/misuse`` if the body left a transaction
    ///   open (with `SAVEPOINT`); that transaction is rolled back.
    public func writeWithoutTransaction<T>(_ body: (Connection) throws -> T) throws -> T {
        let thread = ThreadIdentity.current
        requireCorrectUse(!writer.connection.isLent(to: thread) && readers?.connectionLent(to: thread) == nil,
                     "KansliStore: Database.writeWithoutTransaction was called inside read or write on the same thread")
        return try withWriter { connection in
            let result = Result { try body(connection) }
            if !connection.isAutocommit {
                try connection.runControl("ROLLBACK")
                if case .success = result {
                    throw DatabaseError(
                        kind: .misuse, extendedResultCode: .misuse,
                        message: "writeWithoutTransaction's body left a transaction open; it was rolled back")
                }
            }
            return try result.get()
        }
    }

    private static let writeInReadMessage = """
        KansliStore: Database.write was called inside Database.read on the same thread; the read's \
        snapshot would not see the write, which would commit on its own. Do the write outside the read.
        """

    /// Lends the writer to the calling thread for `body`, waiting for other writers first.
    private func withWriter<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = writer.connection
        var outcome: Result<T, any Error>?
        writerLock.withLock { _ in
            connection.lend()
            defer { connection.reclaim() }
            outcome = Result { try body(connection) }
        }
        // withLock always runs its body, which always sets the outcome.
        return try outcome!.get()
    }
}
