internal import CSQLite
import KansliPlatform

extension Connection {
    /// Copies this connection's `main` database into a new file at `path` with SQLite's online
    /// backup API (sqlite3_backup_*), in one step: the copy is the snapshot this connection
    /// reads (call it inside a read transaction), and writers on other connections go on. The
    /// copy is synced to disk before this returns; its page count is returned.
    ///
    /// - Throws: ``DatabaseError`` if the file cannot be created or the copy fails; a partly
    ///   written file is removed.
    func backup(to path: String) throws -> Int {
        do {
            return try copy(to: path)
        } catch let error as DatabaseError {
            if error.extendedResultCode.rawValue & 0xFF != SQLITE_CANTOPEN { _ = try? FileSystem.removeFile(path) }
            throw error
        }
    }

    private func copy(to path: String) throws -> Int {
        let source = try liveHandle()
        var destination: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE | SQLITE_OPEN_NOMUTEX
        let opened = sqlite3_open_v2(path, &destination, flags, nil)
        defer { sqlite3_close_v2(destination) }
        guard opened == SQLITE_OK, let destination else {
            let message = destination.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(opened))
            throw DatabaseError(extendedResultCode: .init(rawValue: opened), message: "cannot create the backup \(path): \(message)")
        }
        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw DatabaseError(extendedResultCode: .init(rawValue: sqlite3_extended_errcode(destination)),
                                message: "cannot start the backup: \(String(cString: sqlite3_errmsg(destination)))")
        }
        let step = sqlite3_backup_step(backup, -1)
        let pages = Int(sqlite3_backup_pagecount(backup))
        let finished = sqlite3_backup_finish(backup)
        guard step == SQLITE_DONE, finished == SQLITE_OK else {
            let code = step == SQLITE_DONE ? finished : step
            throw DatabaseError(extendedResultCode: .init(rawValue: code), message: "the backup to \(path) failed: \(String(cString: sqlite3_errstr(code)))")
        }
        // The copy's pages are written; make them durable before reporting the backup done.
        let checkpoint = sqlite3_exec(destination, "PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE);", nil, nil, nil)
        guard checkpoint == SQLITE_OK else {
            throw DatabaseError(extendedResultCode: .init(rawValue: checkpoint), message: "cannot sync the backup \(path)")
        }
        return pages
    }
}

extension Database {
    /// An online, consistent copy of the database at `path` (a new file): see
    /// ``Connection/backup(to:)``. Writers are not blocked while it is taken.
    public func backup(to path: String) throws -> Int {
        try read { try $0.backup(to: path) }
    }
}
