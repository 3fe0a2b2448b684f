extension Database {
    /// Brings the schema up to date: runs, in order, each migration whose version is above the
    /// file's `PRAGMA user_version`.
    ///
    /// Each migration runs in its own write transaction together with setting `user_version` to
    /// its version and a `PRAGMA foreign_key_check`, so a migration is applied entirely or not at
    /// all: after a crash or an error, the next call resumes with the first migration not applied.
    /// Several processes may migrate the same file at once; each migration still runs once.
    ///
    /// When the schema is already current this costs one read.
    ///
    /// - Throws: ``DatabaseError`` of kind ``DatabaseError/Kind/schemaTooNew`` when the file's
    ///   version is above the newest migration (a newer program wrote it: refuse rather than
    ///   guess), ``DatabaseError/Kind/invalidMigrations`` when versions are not positive and
    ///   strictly increasing, ``DatabaseError/Kind/migrationForeignKeyCheck`` when a migration
    ///   leaves a broken foreign key, or the error of the failing migration's SQL.
    public func migrate(_ migrations: [Migration]) throws {
        try Self.validate(migrations)
        let latest = migrations.last?.version ?? 0
        let current = try read { try Self.userVersion(of: $0) }
        try Self.refuseNewer(current, latest: latest)
        guard current < latest else { return }
        for migration in migrations where migration.version > current {
            try write { connection in
                // Read again under the write lock: another process may have migrated meanwhile.
                let version = try Self.userVersion(of: connection)
                try Self.refuseNewer(version, latest: latest)
                guard version < migration.version else { return }
                do {
                    try connection.executeScript(migration.sql)
                } catch let error as DatabaseError {
                    throw error.adding(prefix: "migration \(migration.version): ", sql: nil)
                }
                try connection.execute("PRAGMA user_version = \(migration.version)")
                try Self.checkForeignKeys(connection, after: migration)
            }
        }
    }

    /// The schema version: the file's `PRAGMA user_version`, 0 for a new file.
    public func schemaVersion() throws -> Int {
        try read { try Self.userVersion(of: $0) }
    }

    private static func userVersion(of connection: Connection) throws -> Int {
        guard let row = try connection.queryOne("PRAGMA user_version") else {
            throw DatabaseError(kind: .misuse, extendedResultCode: .error,
                                message: "PRAGMA user_version returned no row", sql: "PRAGMA user_version")
        }
        return try row.get(0)
    }

    private static func refuseNewer(_ version: Int, latest: Int) throws {
        guard version > latest else { return }
        throw DatabaseError(
            kind: .schemaTooNew, extendedResultCode: .error,
            message: "the database's schema version \(version) is newer than this program knows "
                + "(latest migration \(latest)); a newer version wrote it — refusing to use it",
            sql: "PRAGMA user_version")
    }

    private static func validate(_ migrations: [Migration]) throws {
        var previous = 0
        for migration in migrations {
            guard migration.version > previous else {
                throw DatabaseError(
                    kind: .invalidMigrations, extendedResultCode: .misuse,
                    message: "migration versions must be positive and strictly increasing; "
                        + "\(migration.version) follows \(previous)")
            }
            previous = migration.version
        }
    }

    private static func checkForeignKeys(_ connection: Connection, after migration: Migration) throws {
        let sql = "PRAGMA foreign_key_check"
        let violations = try connection.query(sql)
        guard let first = violations.first else { return }
        let table = (try? first.get(0, as: String.self)) ?? "?"
        let parent = (try? first.get(2, as: String.self)) ?? "?"
        throw DatabaseError(
            kind: .migrationForeignKeyCheck, extendedResultCode: .constraintForeignKey,
            message: "migration \(migration.version) left \(violations.count) row(s) breaking a foreign key, "
                + "first in table \(table) referencing \(parent)",
            sql: sql)
    }
}
