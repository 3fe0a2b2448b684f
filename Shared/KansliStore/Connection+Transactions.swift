internal import CSQLite

extension Connection {
    /// How a transaction takes its locks.
    enum TransactionKind {
        /// `BEGIN IMMEDIATE`: takes the write lock at once, so the body never meets SQLITE_BUSY
        /// half-way (and never has to retry).
        case immediate
        /// `BEGIN DEFERRED`: takes a read snapshot at the first read.
        case deferred
    }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    ///
    /// If SQLite ended the transaction itself (after a disk-full or I/O error), the body's
    /// statements stopped with ``DatabaseError/Kind/transactionAborted`` and the result is that
    /// error, not a commit.
    func inTransaction<T>(_ kind: TransactionKind, _ body: (Connection) throws -> T) throws -> T {
        try runControl(kind == .immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        managedTransactionOpen = true
        defer { managedTransactionOpen = false }
        do {
            let value = try body(self)
            try checkTransactionIntact()
            // COMMIT returns only after the WAL is fsync'd (synchronous=FULL). If it fails (a
            // deferred foreign key, an I/O error), the transaction may still be open: rolled back below.
            try runControl("COMMIT")
            return value
        } catch {
            rollbackAfterFailure("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in a savepoint inside the current transaction: RELEASE when it returns,
    /// ROLLBACK TO (undoing only the body's changes) when it throws. The changes become durable
    /// only when the outermost transaction commits.
    func inSavepoint<T>(_ body: (Connection) throws -> T) throws -> T {
        try runControl("SAVEPOINT kansli_nested")
        do {
            let value = try body(self)
            try checkTransactionIntact()
            try runControl("RELEASE kansli_nested")
            return value
        } catch {
            rollbackAfterFailure("ROLLBACK TO kansli_nested")
            if !isAutocommit {
                rollbackAfterFailure("RELEASE kansli_nested")
            }
            throw error
        }
    }

    /// Runs `body` read-only (`PRAGMA query_only`) on this connection while it is the writer: a
    /// read nested in a write sees the write's uncommitted changes and cannot change anything.
    /// Outside a transaction, the body gets a deferred one (a consistent snapshot).
    func inReadScope<T>(_ body: (Connection) throws -> T) throws -> T {
        if readScopeDepth == 0 { _ = try runInternal("PRAGMA query_only = ON") }
        readScopeDepth += 1
        let result = Result {
            !isAutocommit
                ? try body(self)
                : try inTransaction(.deferred, body)
        }
        readScopeDepth -= 1
        if readScopeDepth == 0 { _ = try runInternal("PRAGMA query_only = OFF") }
        return try result.get()
    }

    /// Undoes a failed transaction or savepoint, unless SQLite already did.
    ///
    /// The original error is what the caller reports, so a failing ROLLBACK is not thrown. It can
    /// only fail if SQLite has already rolled back or the connection is unusable; either way the
    /// next BEGIN on this connection reports the problem.
    private func rollbackAfterFailure(_ sql: String) {
        guard !isAutocommit else { return }
        do {
            try runControl(sql)
        } catch {
            // Deliberately dropped: see above.
        }
    }
}
