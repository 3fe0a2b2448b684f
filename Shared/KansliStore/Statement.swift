internal import CSQLite

/// A prepared statement: owns one `sqlite3_stmt*` and finalizes it in `deinit`.
///
/// Internal: only ``Connection`` creates, caches and runs statements, so the pointer never leaves
/// the module. A statement is reset right after every use, so none stays active (an active
/// statement would hold a read snapshot open and block checkpoints).
final class Statement {
    /// The prepared statement.
    let handle: OpaquePointer
    /// The SQL it was prepared from, for errors and as the cache key.
    let sql: String
    /// The number of `?` parameters.
    let parameterCount: Int
    /// Whether the statement is BEGIN, COMMIT, END or ROLLBACK (not ROLLBACK TO), as the
    /// connection's authorizer saw while preparing it.
    let controlsTransaction: Bool

    init(handle: OpaquePointer, sql: String, controlsTransaction: Bool) {
        self.handle = handle
        self.sql = sql
        self.parameterCount = Int(sqlite3_bind_parameter_count(handle))
        self.controlsTransaction = controlsTransaction
    }

    deinit {
        // sqlite3_finalize returns the error of the last step, if any, which was reported when it
        // happened; finalizing itself cannot fail.
        sqlite3_finalize(handle)
    }

    /// Readies the statement for a new run: rewinds it and drops bound values (SQLite keeps a
    /// private copy of each until then, which could be a large blob).
    func reset() {
        // sqlite3_reset repeats the error of the last step, which the caller already reported;
        // sqlite3_clear_bindings always returns SQLITE_OK.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The column names of the current result, read after the first step (a schema change can
    /// re-prepare the statement and change them).
    func columnNames() -> [String] {
        let count = Int(sqlite3_column_count(handle))
        return (0..<count).map { index in
            // NULL only when out of memory; an empty name is then the least harmful answer.
            sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
        }
    }
}
