internal import CSQLite

/// SQLite's special destructor values, which Swift does not import from the C macros.
enum SQLiteDestructor {
    /// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the bind call returns, so the Swift
    /// buffer only has to live for the duration of the call.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
