internal import CSQLite

/// # KansliStore
///
/// The project's thin, safe wrapper over the system SQLite (`libsqlite3`, through `CSQLite`).
/// Every service keeps its data in one SQLite file opened through ``Database``.
///
/// ## What it is for
/// - ``Database`` opens a file in WAL mode with `foreign_keys=ON`, a busy timeout and
///   `synchronous=FULL`: a write is acknowledged only after its commit reached the disk, so it
///   survives `kill -9` and power loss. One writer connection is serialized behind a `Mutex`; a
///   small pool of reader connections serves concurrent reads, each in its own snapshot.
/// - ``Database/write(_:)`` runs its body in `BEGIN IMMEDIATE … COMMIT` and rolls back when the
///   body throws; ``Database/read(_:)`` runs its body in a read transaction (one snapshot).
/// - ``Database/migrate(_:)`` brings the schema up to date, one transaction per ``Migration``,
///   using `PRAGMA user_version`, and refuses a file newer than the code.
/// - ``Connection`` executes SQL with positional `?` arguments (``DatabaseValue`` or any
///   ``DatabaseValueConvertible``), caches prepared statements, and returns ``Row``s whose columns
///   are read by index or by name with typed errors.
/// - Every failure is a ``DatabaseError`` that carries SQLite's result code, extended result code,
///   SQLite's own message and the SQL (never the argument values: they may be personal data).
///
/// ## Storage of Swift types
/// `Int`, `Int64`, `Int32` and `Bool` are INTEGER; `Double` is REAL; `String` is TEXT; `[UInt8]`
/// is BLOB; `Optional.none` is NULL; KansliPlatform's `Timestamp` is an INTEGER of
/// **microseconds since 1970-01-01Z** (sortable, exact, compact: the `Timestamp` itself).
/// The module links no Foundation (issue 6), so it has no conversions for `Date`, `UUID` or `Data`.
///
/// ## What it must not do
/// - Weaken durability: there is deliberately no setting for `synchronous` or `journal_mode`.
///   Where throughput needs it, group several requests into one write transaction instead.
/// - Let a C pointer escape: `sqlite3*` and `sqlite3_stmt*` never leave ``Connection`` and its
///   internal statement type, which finalize and close them.
/// - Know the project's tables or domain: that belongs to the services.
/// - Let SQL end a transaction behind its back: inside ``Database/write(_:)`` and
///   ``Database/read(_:)``, `BEGIN`, `COMMIT`, `END` and `ROLLBACK` are refused (SAVEPOINT is
///   allowed); transactions are the job of ``Database``.
///   Double-quoted string literals (`"text"`) are disabled, so a misspelled column is an error
///   rather than a string.
public enum KansliStore {
    /// The version of the SQLite library in use at run time, such as `"3.40.1"`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
