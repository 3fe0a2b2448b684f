internal import CSQLite
import Synchronization

/// One SQLite connection: runs SQL, caches prepared statements, and owns the `sqlite3*`.
///
/// You never create a connection: ``Database`` lends one to the body of ``Database/write(_:)``,
/// ``Database/read(_:)`` or ``Database/writeWithoutTransaction(_:)``:
///
/// ```swift
/// let id = try db.write { conn in
///     try conn.execute("INSERT INTO person(name, born) VALUES (?, ?)", [name, born])
///     return conn.lastInsertRowID
/// }
/// let people = try db.read { conn in
///     try conn.query("SELECT id, name FROM person WHERE born < ?", [cutoff])
/// }
/// ```
///
/// A connection is not `Sendable`, and it is valid only inside the body that received it, on
/// that body's thread. Every method checks this, so a connection kept past its body, or handed to
/// another thread, traps with a clear message (in release builds too) instead of racing.
///
/// Arguments bind to positional `?` parameters in order; their number must match the statement's.
/// SQL is prepared once per connection and then reused from a cache keyed by the SQL text, so
/// write the SQL as a constant and pass values as arguments — never interpolate values into SQL.
///
/// Inside ``Database/write(_:)`` and ``Database/read(_:)``, SQL may not `BEGIN`, `COMMIT`, `END` or
/// `ROLLBACK` (``DatabaseError/Kind/transactionControl``): that transaction belongs to ``Database``.
/// `SAVEPOINT`, `RELEASE` and `ROLLBACK TO` are allowed.
public final class Connection {
    /// The `sqlite3*`; `nil` once closed.
    private var handle: OpaquePointer?
    /// Statements prepared from user SQL.
    private var statementCache: StatementCache
    /// Statements that begin and end Database's own transactions and savepoints, kept apart from
    /// the user cache, whose same-text statements are refused inside a managed transaction.
    private var controlStatements: [String: Statement] = [:]
    /// The thread this connection is lent to, or 0. Read by other threads to detect re-entrancy,
    /// and the point where one borrower hands the connection to the next, hence atomic.
    let borrower = Atomic<UInt>(0)
    /// Whether ``Database`` has a transaction open on this connection; statements check that
    /// SQLite has not ended it behind the body's back.
    var managedTransactionOpen = false
    /// How many read scopes are open on this connection while it is the writer (a read nested in
    /// a write); while above zero the connection is query-only.
    var readScopeDepth = 0
    /// Set by the authorizer when the statement being prepared begins or ends a transaction.
    fileprivate var preparedTransactionControl = false

    /// Opens a connection and applies the settings every connection needs.
    ///
    /// - Parameters:
    ///   - path: The file, or `":memory:"`.
    ///   - flags: `SQLITE_OPEN_*` flags.
    ///   - busyTimeout: How long SQLite retries a lock held by another connection.
    ///   - statementCacheCapacity: How many prepared statements to keep.
    init(path: String, flags: Int32, busyTimeout: Duration, statementCacheCapacity: Int) throws {
        statementCache = StatementCache(capacity: statementCacheCapacity)
        guard sqlite3_threadsafe() != 0 else {
            throw DatabaseError(kind: .configurationFailed, extendedResultCode: .misuse,
                                message: "libsqlite3 was built without thread safety (SQLITE_THREADSAFE=0)")
        }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            let extended = opened.map { sqlite3_extended_errcode($0) } ?? code
            // sqlite3_open_v2 allocates a handle even when it fails; closing it (or nil) returns SQLITE_OK.
            sqlite3_close_v2(opened)
            throw DatabaseError(extendedResultCode: .init(rawValue: extended),
                                message: "cannot open \(path): \(message)")
        }
        handle = opened
        do {
            try configure(busyTimeout: busyTimeout)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Settings for every connection: extended result codes, the busy timeout, no double-quoted
    /// string literals, defensive mode, and the authorizer that keeps transactions with Database.
    private func configure(busyTimeout: Duration) throws {
        let db = try liveHandle()
        try check(sqlite3_extended_result_codes(db, 1), sql: nil)
        let components = busyTimeout.components
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        try check(sqlite3_busy_timeout(db, Int32(clamping: milliseconds)), sql: nil)
        // A double-quoted word that names no column would otherwise silently become a string.
        try setDatabaseConfig(SQLITE_DBCONFIG_DQS_DML, to: 0)
        try setDatabaseConfig(SQLITE_DBCONFIG_DQS_DDL, to: 0)
        // Refuses writes to the schema table and other ways to corrupt the file from SQL.
        try setDatabaseConfig(SQLITE_DBCONFIG_DEFENSIVE, to: 1)
        // The authorizer never refuses anything: it notes which statements BEGIN, COMMIT or ROLLBACK
        // so that they can be refused inside a transaction that Database manages. (Refusing at
        // prepare time would also break VACUUM, which runs a BEGIN of its own.) Set once for the
        // connection's life: changing the authorizer expires prepared statements. The context is
        // unretained: the connection outlives its handle.
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(sqlite3_set_authorizer(db, { context, action, _, _, _, _ in
            if action == SQLITE_TRANSACTION, let context {
                Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue().preparedTransactionControl = true
            }
            return SQLITE_OK
        }, context), sql: nil)
    }

    private func setDatabaseConfig(_ option: Int32, to value: Int32) throws {
        var result: Int32 = -1
        try check(kansli_sqlite3_db_config_int(try liveHandle(), option, value, &result), sql: nil)
        guard result == value else {
            throw DatabaseError(kind: .configurationFailed, extendedResultCode: .error,
                                message: "sqlite3_db_config(\(option), \(value)) left the setting at \(result)")
        }
    }

    /// Finalizes every statement, then closes the `sqlite3*`. Idempotent.
    func close() {
        guard let db = handle else { return }
        statementCache.removeAll()
        controlStatements.removeAll()
        handle = nil
        // With every statement finalized, sqlite3_close_v2 closes at once and returns SQLITE_OK.
        // (Were one still alive it would return SQLITE_OK too, and close when that one goes.)
        sqlite3_close_v2(db)
    }

    // MARK: - Public API

    /// Runs one SQL statement with positional `?` arguments; rows it returns are ignored.
    ///
    /// - Throws: ``DatabaseError`` from SQLite (syntax, constraint, …), or of kind
    ///   ``DatabaseError/Kind/argumentCount`` or ``DatabaseError/Kind/multipleStatements``.
    public func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws {
        try execute(sql, arguments.map(\.databaseValue))
    }

    /// Runs one SQL statement with positional `?` arguments given as ``DatabaseValue``s.
    public func execute(_ sql: String, _ arguments: [DatabaseValue]) throws {
        try checkUsable()
        _ = try runUser(try cachedStatement(sql), arguments, rowLimit: 0)
    }

    /// Runs several `;`-separated statements without arguments, such as a migration; stops at the
    /// first error, whose ``DatabaseError/sql`` is the failing statement.
    ///
    /// Statements are not cached. Inside ``Database/write(_:)`` a failure rolls back the whole
    /// script with the transaction.
    public func executeScript(_ sql: String) throws {
        try checkUsable()
        try checkNoNUL(sql)
        let db = try liveHandle()
        let byteCount = sql.utf8.count
        guard byteCount < Int32.max else {
            throw DatabaseError(extendedResultCode: .tooBig, message: "script too long", sql: nil)
        }
        try sql.withCString { base in
            var cursor = base
            let end = base + byteCount
            while cursor < end {
                var prepared: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                preparedTransactionControl = false
                let code = sqlite3_prepare_v2(db, cursor, Int32(end - cursor), &prepared, &tail)
                guard code == SQLITE_OK else {
                    throw error(code, sql: String(cString: cursor).trimmingLeadingWhitespace())
                }
                let next = tail ?? end
                defer { cursor = next }
                // Only whitespace or comments were left.
                guard let prepared else { continue }
                let text = String(decoding: UnsafeRawBufferPointer(start: cursor, count: next - cursor),
                                  as: UTF8.self)
                let statement = Statement(handle: prepared, sql: text.trimmingLeadingWhitespace(),
                                          controlsTransaction: preparedTransactionControl)
                try checkTransactionIntact()
                _ = try runUser(statement, [], rowLimit: 0)
            }
        }
    }

    /// Runs one SQL statement and returns all its rows.
    ///
    /// Every row is read into memory: add a `LIMIT` when a table can be large.
    public func query(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> [Row] {
        try query(sql, arguments.map(\.databaseValue))
    }

    /// Runs one SQL statement with ``DatabaseValue`` arguments and returns all its rows.
    public func query(_ sql: String, _ arguments: [DatabaseValue]) throws -> [Row] {
        try checkUsable()
        return try runUser(try cachedStatement(sql), arguments, rowLimit: .max)
    }

    /// Runs one SQL statement and returns its first row, or `nil` when it returns none. Stops
    /// after the first row.
    public func queryOne(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws -> Row? {
        try queryOne(sql, arguments.map(\.databaseValue))
    }

    /// Runs one SQL statement with ``DatabaseValue`` arguments and returns its first row, if any.
    public func queryOne(_ sql: String, _ arguments: [DatabaseValue]) throws -> Row? {
        try checkUsable()
        return try runUser(try cachedStatement(sql), arguments, rowLimit: 1).first
    }

    /// The rowid of the most recent successful INSERT on this connection
    /// (`sqlite3_last_insert_rowid`), or 0 if none.
    public var lastInsertRowID: Int64 {
        requireCorrectUse(isLentToCurrentThread, Self.misuseMessage)
        return sqlite3_last_insert_rowid(handle)
    }

    /// The number of rows the most recent INSERT, UPDATE or DELETE on this connection changed
    /// (`sqlite3_changes64`).
    public var changes: Int {
        requireCorrectUse(isLentToCurrentThread, Self.misuseMessage)
        return Int(sqlite3_changes64(handle))
    }

    /// Whether a transaction is open (`sqlite3_get_autocommit` is 0): always inside the bodies of
    /// ``Database/write(_:)`` and ``Database/read(_:)``.
    public var isInTransaction: Bool {
        requireCorrectUse(isLentToCurrentThread, Self.misuseMessage)
        return sqlite3_get_autocommit(handle) == 0
    }

    /// Whether no transaction is open, without the lending check (for Database's bookkeeping).
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Cache statistics, for tests of statement reuse.
    var statementCacheStatistics: (hits: Int, misses: Int) { (statementCache.hits, statementCache.misses) }

    /// The number of prepared statements in the cache.
    public var cachedStatementCount: Int {
        requireCorrectUse(isLentToCurrentThread, Self.misuseMessage)
        return statementCache.count
    }

    /// Finalizes every cached statement (they are prepared again on next use).
    public func clearStatementCache() {
        requireCorrectUse(isLentToCurrentThread, Self.misuseMessage)
        statementCache.removeAll()
    }

    // MARK: - Lending

    private static let misuseMessage = """
        KansliStore: a Connection may be used only inside the Database.read/write closure that \
        received it, on that closure's thread (it was kept past the closure, or passed to another thread)
        """

    /// Whether the calling thread may use the connection now.
    var isLentToCurrentThread: Bool {
        handle != nil && borrower.load(ordering: .relaxed) == ThreadIdentity.current
    }

    /// Whether the connection is lent to `thread` (safe to ask from any thread).
    func isLent(to thread: UInt) -> Bool {
        borrower.load(ordering: .relaxed) == thread
    }

    /// Lends the connection to the calling thread, which must hold exclusive access (the writer
    /// mutex). The acquiring exchange pairs with the releasing store in ``reclaim()``: everything
    /// the previous borrower did to the connection happens-before this borrower's first use, in a
    /// way ThreadSanitizer can see (it cannot see into `Synchronization.Mutex` on Linux).
    func lend() {
        let previous = borrower.exchange(ThreadIdentity.current, ordering: .acquiringAndReleasing)
        requireCorrectUse(previous == 0, "KansliStore: a connection was lent while already lent")
    }

    /// Lends the connection to the calling thread if nobody has it; for the reader pool.
    func lendIfFree() -> Bool {
        borrower.compareExchange(expected: 0, desired: ThreadIdentity.current,
                                 ordering: .acquiringAndReleasing).exchanged
    }

    /// Takes the connection back from its borrower, publishing its work to the next one.
    func reclaim() {
        borrower.store(0, ordering: .releasing)
    }

    private func checkUsable() throws {
        requireCorrectUse(isLentToCurrentThread, Self.misuseMessage)
        try checkTransactionIntact()
    }

    // MARK: - Running statements

    /// Throws ``DatabaseError/Kind/transactionAborted`` if Database opened a transaction that
    /// SQLite has since rolled back: a statement run now would commit on its own.
    func checkTransactionIntact() throws {
        guard managedTransactionOpen, sqlite3_get_autocommit(handle) != 0 else { return }
        throw DatabaseError(
            kind: .transactionAborted, extendedResultCode: .abort,
            message: "SQLite rolled back the transaction after an earlier error in this body "
                + "(disk full, I/O error or ON CONFLICT ROLLBACK); nothing of it was committed")
    }

    /// The cached statement for user SQL, preparing it on a miss.
    private func cachedStatement(_ sql: String) throws -> Statement {
        try statementCache.statement(for: sql) { try prepare($0, persistent: true) }
    }

    /// Runs one of Database's own transaction statements (BEGIN IMMEDIATE, COMMIT, ROLLBACK,
    /// SAVEPOINT …), bypassing the check that refuses such SQL from a body.
    func runControl(_ sql: String) throws {
        let statement: Statement
        if let cached = controlStatements[sql] {
            statement = cached
        } else {
            statement = try prepare(sql, persistent: true)
            controlStatements[sql] = statement
        }
        _ = try run(statement, [], rowLimit: 0)
    }

    /// Runs internal SQL (PRAGMAs at open, user_version) without the lending check.
    func runInternal(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> [Row] {
        try run(try cachedStatement(sql), arguments, rowLimit: .max)
    }

    /// Prepares exactly one statement.
    private func prepare(_ sql: String, persistent: Bool) throws -> Statement {
        try checkNoNUL(sql)
        let db = try liveHandle()
        let byteCount = sql.utf8.count
        guard byteCount < Int32.max else {
            throw DatabaseError(extendedResultCode: .tooBig, message: "SQL too long", sql: nil)
        }
        preparedTransactionControl = false
        return try sql.withCString { base in
            var prepared: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
            let code = sqlite3_prepare_v3(db, base, Int32(byteCount), flags, &prepared, &tail)
            guard code == SQLITE_OK else { throw error(code, sql: sql) }
            guard let prepared else {
                throw DatabaseError(kind: .misuse, extendedResultCode: .misuse,
                                    message: "the SQL holds no statement (only whitespace or comments)", sql: sql)
            }
            let statement = Statement(handle: prepared, sql: sql, controlsTransaction: preparedTransactionControl)
            // Anything after the first statement must be whitespace or comments.
            if let tail, tail < base + byteCount {
                var extra: OpaquePointer?
                let extraCode = sqlite3_prepare_v2(db, tail, Int32(base + byteCount - tail), &extra, nil)
                // sqlite3_finalize(NULL) is a harmless no-op; the extra statement is never run.
                sqlite3_finalize(extra)
                if extraCode != SQLITE_OK || extra != nil {
                    throw DatabaseError(
                        kind: .multipleStatements, extendedResultCode: .misuse,
                        message: "more than one statement; use executeScript for several statements",
                        sql: sql)
                }
            }
            return statement
        }
    }

    /// Runs a statement from user SQL: refuses one that would begin or end a transaction while
    /// Database manages one (it would commit or discard the body's work behind Database's back).
    private func runUser(_ statement: Statement, _ arguments: [DatabaseValue], rowLimit: Int) throws -> [Row] {
        if statement.controlsTransaction && managedTransactionOpen {
            throw DatabaseError(
                kind: .transactionControl, extendedResultCode: .misuse,
                message: "BEGIN, COMMIT, END and ROLLBACK cannot run inside Database.write/read, which "
                    + "manage the transaction; nest write { } or use SAVEPOINT for an inner scope",
                sql: statement.sql)
        }
        return try run(statement, arguments, rowLimit: rowLimit)
    }

    /// Binds `arguments`, steps the statement to its end (or until `rowLimit` rows), resets it.
    private func run(_ statement: Statement, _ arguments: [DatabaseValue], rowLimit: Int) throws -> [Row] {
        defer { statement.reset() }
        try bind(arguments, to: statement)
        var rows: [Row] = []
        var columns: RowColumns?
        while rows.count < rowLimit || rowLimit == 0 {
            let code = sqlite3_step(statement.handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw error(code, sql: statement.sql) }
            guard rowLimit > 0 else { continue }
            let rowColumns = columns ?? RowColumns(names: statement.columnNames(), sql: statement.sql)
            columns = rowColumns
            rows.append(Row(columns: rowColumns, values: try values(of: statement, count: rowColumns.names.count)))
        }
        return rows
    }

    private func bind(_ arguments: [DatabaseValue], to statement: Statement) throws {
        guard arguments.count == statement.parameterCount else {
            throw DatabaseError(
                kind: .argumentCount, extendedResultCode: .range,
                message: "the statement has \(statement.parameterCount) parameters but \(arguments.count) arguments were given",
                sql: statement.sql)
        }
        let stmt = statement.handle
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument {
            case .null:
                code = sqlite3_bind_null(stmt, index)
            case .integer(let value):
                code = sqlite3_bind_int64(stmt, index, value)
            case .real(let value):
                code = sqlite3_bind_double(stmt, index, value)
            case .text(var text):
                // withUTF8 gives the exact bytes, embedded NULs included. An empty string must
                // still bind a non-NULL pointer, or SQLite would store NULL.
                code = text.withUTF8 { utf8 in
                    guard let base = utf8.baseAddress, !utf8.isEmpty else {
                        return "".withCString {
                            sqlite3_bind_text64(stmt, index, $0, 0, SQLiteDestructor.transient, UInt8(SQLITE_UTF8))
                        }
                    }
                    return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                        sqlite3_bind_text64(stmt, index, $0, sqlite3_uint64(utf8.count),
                                            SQLiteDestructor.transient, UInt8(SQLITE_UTF8))
                    }
                }
            case .blob(let bytes):
                if bytes.isEmpty {
                    // A NULL pointer would bind NULL; a zero-length zeroblob is an empty BLOB.
                    code = sqlite3_bind_zeroblob(stmt, index, 0)
                } else {
                    code = bytes.withUnsafeBytes { raw in
                        sqlite3_bind_blob64(stmt, index, raw.baseAddress, sqlite3_uint64(raw.count),
                                            SQLiteDestructor.transient)
                    }
                }
            }
            guard code == SQLITE_OK else { throw error(code, sql: statement.sql) }
        }
    }

    /// Copies the current row's values out of the statement.
    private func values(of statement: Statement, count: Int) throws -> [DatabaseValue] {
        let stmt = statement.handle
        var values: [DatabaseValue] = []
        values.reserveCapacity(count)
        for column in 0..<Int32(count) {
            switch sqlite3_column_type(stmt, column) {
            case SQLITE_INTEGER:
                values.append(.integer(sqlite3_column_int64(stmt, column)))
            case SQLITE_FLOAT:
                values.append(.real(sqlite3_column_double(stmt, column)))
            case SQLITE_TEXT:
                // Pointer first, then the byte count, as SQLite's documentation requires.
                let text = sqlite3_column_text(stmt, column)
                let byteCount = Int(sqlite3_column_bytes(stmt, column))
                guard let text else {
                    try checkNoMemory(sql: statement.sql)
                    values.append(.text(""))
                    continue
                }
                values.append(.text(String(decoding: UnsafeBufferPointer(start: text, count: byteCount),
                                           as: UTF8.self)))
            case SQLITE_BLOB:
                let blob = sqlite3_column_blob(stmt, column)
                let byteCount = Int(sqlite3_column_bytes(stmt, column))
                guard let blob else {
                    // A zero-length blob reads as a NULL pointer.
                    try checkNoMemory(sql: statement.sql)
                    values.append(.blob([]))
                    continue
                }
                values.append(.blob(Array(UnsafeRawBufferPointer(start: blob, count: byteCount))))
            default:
                values.append(.null)
            }
        }
        return values
    }

    /// After a column accessor returned NULL: an error if that was for lack of memory.
    private func checkNoMemory(sql: String) throws {
        let code = sqlite3_errcode(handle)
        if code == SQLITE_NOMEM { throw error(code, sql: sql) }
    }

    // MARK: - Errors

    func liveHandle() throws -> OpaquePointer {
        guard let handle else {
            throw DatabaseError(kind: .misuse, extendedResultCode: .misuse, message: "the connection is closed")
        }
        return handle
    }

    private func checkNoNUL(_ sql: String) throws {
        if sql.utf8.contains(0) {
            throw DatabaseError(kind: .misuse, extendedResultCode: .misuse,
                                message: "the SQL contains a NUL byte; SQLite would ignore the rest", sql: sql)
        }
    }

    private func check(_ code: Int32, sql: String?) throws {
        guard code == SQLITE_OK else { throw error(code, sql: sql) }
    }

    /// The error SQLite just reported on this connection. Must be called right after the failing
    /// call, before anything else touches the connection.
    private func error(_ code: Int32, sql: String?) -> DatabaseError {
        guard let handle else {
            return DatabaseError(extendedResultCode: .init(rawValue: code),
                                 message: String(cString: sqlite3_errstr(code)), sql: sql)
        }
        // The extended code is finer when it belongs to the same primary code.
        let extended = sqlite3_extended_errcode(handle)
        let code = extended & 0xFF == code & 0xFF ? extended : code
        return DatabaseError(extendedResultCode: .init(rawValue: code),
                             message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

/// Connections are deliberately not `Sendable`: a Database lends one to one thread at a time.
@available(*, unavailable)
extension Connection: Sendable {}

extension String {
    /// The text without leading spaces and line breaks, for naming one statement of a script.
    fileprivate func trimmingLeadingWhitespace() -> String {
        String(drop { $0.isWhitespace })
    }
}
