/// The column names of one query's result, shared by all its rows, and the query's SQL for
/// error messages.
///
/// Immutable, hence `Sendable`.
final class RowColumns: Sendable {
    /// The names as SQLite reports them (`AS` aliases, or the expression text).
    let names: [String]
    /// The SQL that produced the rows.
    let sql: String

    init(names: [String], sql: String) {
        self.names = names
        self.sql = sql
    }

    /// The index of the first column named `name`: an exact match first, then one that differs
    /// only in ASCII case (SQLite's identifiers are case-insensitive). A linear scan: results are a
    /// handful of columns wide, and it costs no dictionary per query.
    func index(of name: String) -> Int? {
        if let exact = names.firstIndex(of: name) { return exact }
        let folded = Self.asciiLowercased(name)
        return names.firstIndex { Self.asciiLowercased($0) == folded }
    }

    private static func asciiLowercased(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}
