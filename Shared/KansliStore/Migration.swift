/// One step of a database schema: the SQL that brings it from the previous version to `version`.
///
/// ```swift
/// let migrations = [
///     Migration(version: 1, sql: "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"),
///     Migration(version: 2, sql: "ALTER TABLE person ADD COLUMN born INTEGER;"),
/// ]
/// try db.migrate(migrations)
/// ```
///
/// Never edit a migration that has shipped: add a new one. The SQL may hold several statements,
/// but no BEGIN/COMMIT (``Database/migrate(_:)`` runs each migration in its own transaction), and
/// no `PRAGMA foreign_keys` (it has no effect inside a transaction).
public struct Migration: Sendable, Equatable {
    /// The schema version after this migration; positive, and increasing along the list.
    public let version: Int
    /// The statements to run, separated by `;`.
    public let sql: String

    /// Creates a migration to `version`.
    public init(version: Int, sql: String) {
        self.version = version
        self.sql = sql
    }
}
