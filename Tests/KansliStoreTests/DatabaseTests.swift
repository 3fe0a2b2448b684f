import Foundation
@testable import KansliStore
import Synchronization
import Testing

@Suite struct DatabaseTests {
    struct Failure: Error, Equatable { let tag: String }

    // MARK: Settings

    @Test func walFullSyncForeignKeysAndBusyTimeoutAreSetOnEveryConnection() throws {
        let db = try Database.temporary(configuration: .init(busyTimeout: .milliseconds(1234)))
        let pragmas = ["journal_mode", "synchronous", "foreign_keys", "busy_timeout", "query_only"]
        func read(_ conn: Connection) throws -> [DatabaseValue] {
            try pragmas.map { try conn.queryOne("PRAGMA \($0)")![0] }
        }
        let writer = try db.write(read)
        #expect(writer == [.text("wal"), .integer(2), .integer(1), .integer(1234), .integer(0)])
        let reader = try db.read(read)
        #expect(reader == [.text("wal"), .integer(2), .integer(1), .integer(1234), .integer(1)])
    }

    @Test func defaultsAreFiveSecondsAndFourReaders() throws {
        let configuration = DatabaseConfiguration()
        #expect(configuration.busyTimeout == .seconds(5))
        #expect(configuration.readerCount == 4)
        let db = try Database.temporary()
        #expect(try db.read { try $0.queryOne("PRAGMA busy_timeout")!.get(0, as: Int.self) } == 5000)
    }

    @Test func outOfRangeConfigurationIsRejected() {
        for configuration in [DatabaseConfiguration(readerCount: -1), .init(readerCount: 65),
                              .init(busyTimeout: .seconds(-1)), .init(statementCacheCapacity: -1)] {
            let error = #expect(throws: DatabaseError.self) { try Database.inMemory(configuration: configuration) }
            #expect(error?.kind == .invalidConfiguration)
        }
    }

    @Test func inMemoryDatabaseReadsAndWritesOnOneConnection() throws {
        let db = try Database.inMemory()
        #expect(db.isInMemory)
        try db.write { try $0.execute("CREATE TABLE t(x)"); try $0.execute("INSERT INTO t VALUES (1)") }
        #expect(try count("t", in: db) == 1)
        #expect(try db.read { try $0.queryOne("PRAGMA journal_mode")![0] } == .text("memory"))
        #expect(try db.read { try $0.queryOne("PRAGMA synchronous")![0] } == .integer(2))
    }

    @Test func withoutReadersReadsRunOnTheWriterAndStillNest() throws {
        let db = try Database.temporary(configuration: .init(readerCount: 0))
        try db.write { try $0.execute("CREATE TABLE t(x)"); try $0.execute("INSERT INTO t VALUES (1)") }
        let value = try db.read { outer in
            try db.read { inner in
                #expect(inner === outer)
                return try inner.queryOne("SELECT x FROM t")!.get(0, as: Int.self)
            }
        }
        #expect(value == 1)
        let error = #expect(throws: DatabaseError.self) { try db.read { try $0.execute("DELETE FROM t") } }
        #expect(error?.resultCode == .readOnly)
        // The writer is writable again after the read.
        try db.write { try $0.execute("DELETE FROM t") }
        #expect(try count("t", in: db) == 0)
    }

    @Test func openingAFileThatIsNotADatabaseFails() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kansli-store-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: DatabaseError.self) { try Database(path: path) }
        #expect(error?.resultCode == .notADatabase)
        #expect(error?.message == "file is not a database")
    }

    @Test func openingInAMissingDirectoryFailsWithCannotOpen() {
        let error = #expect(throws: DatabaseError.self) {
            try Database(path: "/nonexistent-kansli-dir/db.sqlite")
        }
        #expect(error?.resultCode == .cannotOpen)
        #expect(error?.message.contains("/nonexistent-kansli-dir/db.sqlite") == true)
    }

    @Test func aTemporaryDatabaseDeletesItsFilesWhenReleased() throws {
        var db: Database? = try makeItemDatabase()
        let path = db!.path
        try db!.write { try $0.execute("INSERT INTO item(name) VALUES ('x')") }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        db = nil
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }

    // MARK: Transactions

    @Test func aWriteThatThrowsLeavesNothingBehind() throws {
        let db = try makeItemDatabase()
        let error = #expect(throws: Failure.self) {
            try db.write { conn in
                try conn.execute("INSERT INTO item(name) VALUES ('a')")
                try conn.execute("CREATE TABLE extra(x)")
                try conn.execute("UPDATE item SET name = 'b'")
                throw Failure(tag: "stop")
            }
        }
        #expect(error == Failure(tag: "stop"))
        #expect(try count("item", in: db) == 0)
        #expect(try db.read { try $0.queryOne("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'")!.get(0, as: Int.self) } == 0)
        // The writer is usable again.
        try db.write { try $0.execute("INSERT INTO item(name) VALUES ('c')") }
        #expect(try count("item", in: db) == 1)
    }

    @Test func aFailedStatementInsideAWriteRollsBackTheEarlierOnesWhenRethrown() throws {
        let db = try makeItemDatabase()
        try db.write { try $0.execute("CREATE UNIQUE INDEX item_name ON item(name)") }
        let error = #expect(throws: DatabaseError.self) {
            try db.write { conn in
                try conn.execute("INSERT INTO item(name) VALUES ('a')")
                try conn.execute("INSERT INTO item(name) VALUES ('a')")
            }
        }
        #expect(error?.isUniqueViolation == true)
        #expect(try count("item", in: db) == 0)
    }

    @Test func aWriteReturnsItsValueAndCommits() throws {
        let db = try makeItemDatabase()
        let id = try db.write { conn in
            try conn.execute("INSERT INTO item(name) VALUES ('a')")
            return conn.lastInsertRowID
        }
        #expect(id == 1)
        #expect(try db.read { try $0.queryOne("SELECT name FROM item WHERE id = ?", [id])!.get(0, as: String.self) } == "a")
    }

    @Test func sqliteRollingBackInsideABodyStopsLaterStatementsFromCommittingAlone() throws {
        let db = try Database.temporary()
        try db.write { try $0.execute("CREATE TABLE t(x UNIQUE ON CONFLICT ROLLBACK)") }
        let error = #expect(throws: DatabaseError.self) {
            try db.write { conn in
                try conn.execute("INSERT INTO t VALUES (1)")
                do {
                    try conn.execute("INSERT INTO t VALUES (1)")  // SQLite rolls back the transaction
                } catch let error as DatabaseError where error.isUniqueViolation {
                    // Carry on as if only the statement had failed.
                }
                try conn.execute("INSERT INTO t VALUES (2)")
            }
        }
        #expect(error?.kind == .transactionAborted)
        #expect(try count("t", in: db) == 0)
    }

    @Test func nestedWriteRunsInASavepointThatUndoesOnlyItsOwnChanges() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            try conn.execute("INSERT INTO item(name) VALUES ('outer before')")
            #expect(throws: Failure.self) {
                try db.write { inner in
                    #expect(inner === conn)
                    try inner.execute("INSERT INTO item(name) VALUES ('inner')")
                    throw Failure(tag: "inner")
                }
            }
            try db.write { try $0.execute("INSERT INTO item(name) VALUES ('inner kept')") }
            try conn.execute("INSERT INTO item(name) VALUES ('outer after')")
        }
        let names = try db.read { try $0.query("SELECT name FROM item ORDER BY id").map { try $0.get(0, as: String.self) } }
        #expect(names == ["outer before", "inner kept", "outer after"])
    }

    @Test func nestedWriteCommitsOnlyWithTheOutermostWrite() throws {
        let db = try makeItemDatabase()
        #expect(throws: Failure.self) {
            try db.write { _ in
                try db.write { try $0.execute("INSERT INTO item(name) VALUES ('inner')") }
                throw Failure(tag: "outer")
            }
        }
        #expect(try count("item", in: db) == 0)
    }

    @Test func readInsideWriteSeesTheUncommittedChangesAndCannotWrite() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            try conn.execute("INSERT INTO item(name) VALUES ('pending')")
            let seen = try db.read { try $0.queryOne("SELECT count(*) FROM item")!.get(0, as: Int.self) }
            #expect(seen == 1)
            let error = #expect(throws: DatabaseError.self) {
                try db.read { try $0.execute("INSERT INTO item(name) VALUES ('sneaky')") }
            }
            #expect(error?.resultCode == .readOnly)
            // Writable again after the read.
            try conn.execute("INSERT INTO item(name) VALUES ('after read')")
        }
        #expect(try count("item", in: db) == 2)
    }

    @Test func aReadCannotWrite() throws {
        let db = try makeItemDatabase()
        let error = #expect(throws: DatabaseError.self) {
            try db.read { try $0.execute("INSERT INTO item(name) VALUES ('x')") }
        }
        #expect(error?.resultCode == .readOnly)
        #expect(error?.message == "attempt to write a readonly database")
    }

    @Test func readInsideReadReusesTheSameConnectionAndSnapshot() throws {
        let db = try makeItemDatabase()
        try db.read { outer in
            let before = try outer.queryOne("SELECT count(*) FROM item")!.get(0, as: Int.self)
            onThreads(1) { _ in
                try? db.write { try $0.execute("INSERT INTO item(name) VALUES ('concurrent')") }
            }
            try db.read { inner throws in
                #expect(inner === outer)
                #expect(try inner.queryOne("SELECT count(*) FROM item")!.get(0, as: Int.self) == before)
            }
        }
        #expect(try count("item", in: db) == 1)
    }

    @Test func aReadKeepsItsSnapshotWhileAnotherThreadCommits() throws {
        let db = try makeItemDatabase()
        try db.write { try $0.execute("INSERT INTO item(name) VALUES ('first')") }
        let seen = try db.read { conn in
            let before = try conn.queryOne("SELECT count(*) FROM item")!.get(0, as: Int.self)
            onThreads(1) { _ in
                try? db.write { try $0.execute("INSERT INTO item(name) VALUES ('second')") }
            }
            let after = try conn.queryOne("SELECT count(*) FROM item")!.get(0, as: Int.self)
            return (before, after)
        }
        #expect(seen.0 == 1)
        #expect(seen.1 == 1)
        #expect(try count("item", in: db) == 2)
    }

    @Test func writeInsideReadIsAPreconditionFailure() async throws {
        let db = try makeItemDatabase()
        let path = db.path
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            [path = path as String] in
            let child = try Database(path: path)
            try child.read { _ in try child.write { _ in } }
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("Database.write was called inside Database.read on the same thread"))
    }

    @Test func writeInsideAReadNestedInAWriteIsAlsoAPreconditionFailure() async {
        await #expect(processExitsWith: .failure) {
            let db = try Database.inMemory()
            try db.write { _ in try db.read { _ in try db.write { _ in } } }
        }
    }

    @Test func writeWithoutTransactionInsideWriteIsAPreconditionFailure() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database.inMemory()
            try db.write { _ in try db.writeWithoutTransaction { _ in } }
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("writeWithoutTransaction was called inside read or write"))
    }

    @Test func writeWithoutTransactionRunsVacuumAndCheckpoints() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            for index in 0..<500 { try conn.execute("INSERT INTO item(name) VALUES (?)", ["row \(index)"]) }
        }
        try db.write { try $0.execute("DELETE FROM item") }
        try db.writeWithoutTransaction { conn in
            #expect(!conn.isInTransaction)
            try conn.execute("VACUUM")
            let checkpoint = try conn.queryOne("PRAGMA wal_checkpoint(TRUNCATE)")!
            #expect(try checkpoint.get(0, as: Int.self) == 0)
        }
        // write and read nest inside it, each with its own transaction.
        try db.writeWithoutTransaction { _ in
            try db.write { try $0.execute("INSERT INTO item(name) VALUES ('nested')") }
            #expect(try db.read { try $0.queryOne("SELECT count(*) FROM item")!.get(0, as: Int.self) } == 1)
        }
    }

    @Test func writeWithoutTransactionRollsBackATransactionItsBodyLeftOpen() throws {
        let db = try makeItemDatabase()
        let error = #expect(throws: DatabaseError.self) {
            try db.writeWithoutTransaction { conn in
                try conn.execute("SAVEPOINT dangling")
                try conn.execute("INSERT INTO item(name) VALUES ('x')")
            }
        }
        #expect(error?.kind == .misuse)
        #expect(try count("item", in: db) == 0)
        try db.write { try $0.execute("INSERT INTO item(name) VALUES ('y')") }
    }

    // MARK: Concurrency

    @Test func concurrentReadersSeeConsistentSnapshotsWhileAWriterCommits() throws {
        let db = try Database.temporary()
        let accounts = 10, initialBalance = 1000, transfers = 150
        try db.write { conn in
            try conn.execute("CREATE TABLE account(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)")
            try conn.execute("CREATE TABLE transfer(seq INTEGER PRIMARY KEY)")
            for id in 1...accounts { try conn.execute("INSERT INTO account VALUES (?, ?)", [id, initialBalance]) }
        }
        let failures = ThreadFailures()
        let writerDone = Atomic<Bool>(false)
        let readCount = Atomic<Int>(0)
        onThreads(9) { index in
            if index == 0 {
                defer { writerDone.store(true, ordering: .releasing) }
                for _ in 0..<transfers {
                    let from = Int.random(in: 1...accounts), to = Int.random(in: 1...accounts), amount = Int.random(in: 1...50)
                    do {
                        try db.write { conn in
                            try conn.execute("UPDATE account SET balance = balance - ? WHERE id = ?", [amount, from])
                            try conn.execute("UPDATE account SET balance = balance + ? WHERE id = ?", [amount, to])
                            try conn.execute("INSERT INTO transfer DEFAULT VALUES")
                        }
                    } catch {
                        failures.record("writer: \(error)")
                    }
                }
                return
            }
            var lastSeen = 0
            repeat {
                do {
                    let (sum1, seen1, sum2, seen2) = try db.read { conn in
                        let sum1: Int = try conn.queryOne("SELECT sum(balance) FROM account")!.get(0)
                        let seen1: Int = try conn.queryOne("SELECT count(*) FROM transfer")!.get(0)
                        usleep(200)
                        let sum2: Int = try conn.queryOne("SELECT sum(balance) FROM account")!.get(0)
                        let seen2: Int = try conn.queryOne("SELECT count(*) FROM transfer")!.get(0)
                        return (sum1, seen1, sum2, seen2)
                    }
                    if sum1 != accounts * initialBalance || sum2 != sum1 { failures.record("sums \(sum1) \(sum2)") }
                    if seen1 != seen2 { failures.record("snapshot moved: \(seen1) → \(seen2)") }
                    if seen1 < lastSeen { failures.record("went back in time: \(lastSeen) → \(seen1)") }
                    lastSeen = seen1
                    readCount.add(1, ordering: .relaxed)
                } catch {
                    failures.record("reader \(index): \(error)")
                }
            } while !writerDone.load(ordering: .acquiring)
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
        #expect(try count("transfer", in: db) == transfers)
        #expect(readCount.load(ordering: .relaxed) >= 8)
    }

    @Test func manyThreadsWritingAreSerializedWithoutLosingRows() throws {
        let db = try makeItemDatabase()
        let failures = ThreadFailures()
        onThreads(8) { thread in
            for index in 0..<25 {
                do {
                    try db.write { conn in
                        let next: Int = try conn.queryOne("SELECT coalesce(max(id), 0) + 1 FROM item")!.get(0)
                        try conn.execute("INSERT INTO item(id, name) VALUES (?, ?)", [next, "t\(thread)-\(index)"])
                    }
                } catch {
                    failures.record("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(5))")
        #expect(try count("item", in: db) == 200)
    }

    @Test func aReadWaitsForAFreeReaderAndGivesUpAfterTheBusyTimeout() throws {
        let db = try Database.temporary(configuration: .init(busyTimeout: .milliseconds(100), readerCount: 1))
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let failures = ThreadFailures()
        onThreads(2) { index in
            if index == 0 {
                do {
                    try db.read { _ in holding.signal(); release.wait() }
                } catch { failures.record("holder: \(error)") }
            } else {
                holding.wait()
                do {
                    _ = try db.read { _ in 1 }
                    failures.record("the second read did not wait")
                } catch let error as DatabaseError {
                    if error.kind != .noReaderAvailable || error.resultCode != .busy { failures.record("\(error)") }
                } catch { failures.record("\(error)") }
                release.signal()
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try db.read { _ in 42 } == 42)
    }

    @Test func readersOpenOnlyAsConcurrentReadsNeedThem() throws {
        let db = try Database.temporary(configuration: .init(readerCount: 4))
        #expect(db.openReaderCount == 0, "an idle database holds no reader")
        for _ in 0..<50 { _ = try db.read { _ in 1 } }
        #expect(db.openReaderCount == 1, "reads one after another reuse it")
        // Three reads held open at once need three readers, and no more.
        let inside = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let failures = ThreadFailures()
        onThreads(4) { index in
            if index < 3 {
                do { try db.read { _ in inside.signal(); release.wait() } } catch { failures.record("\(error)") }
            } else {
                for _ in 0..<3 { inside.wait() }
                if db.openReaderCount != 3 { failures.record("\(db.openReaderCount) readers open for three reads") }
                for _ in 0..<3 { release.signal() }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(db.openReaderCount == 3)
    }

    // MARK: Durability

    @Test func aSecondDatabaseOnTheSameFileSeesCommittedWrites() throws {
        let first = try makeItemDatabase()
        try first.write { try $0.execute("INSERT INTO item(name) VALUES ('committed')") }
        let second = try Database(path: first.path)
        #expect(try second.read { try $0.queryOne("SELECT name FROM item")!.get(0, as: String.self) } == "committed")
        // And the other way round, while both are open.
        try second.write { try $0.execute("INSERT INTO item(name) VALUES ('from second')") }
        #expect(try count("item", in: first) == 2)
    }

    @Test func committedWritesSurviveClosingAndReopening() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kansli-store-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        do {
            let db = try Database(path: path)
            try db.write { conn in
                try conn.execute("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT)")
                try conn.execute("INSERT INTO item(name) VALUES ('kept')")
            }
        }
        let reopened = try Database(path: path)
        #expect(try count("item", in: reopened) == 1)
    }

    /// A child process commits, acknowledging each commit on stdout, then `kill -9`s itself in the
    /// middle of a large transaction (large enough that SQLite spills uncommitted pages into the WAL).
    @Test func killDashNineMidTransactionKeepsAcknowledgedWritesAndDropsTheRest() async throws {
        let db = try makeItemDatabase()
        let path = db.path
        let result = await #expect(processExitsWith: .signal(SIGKILL), observing: [\.standardOutputContent]) {
            [path = path as String] in
            let child = try Database(path: path)
            for id in 1...50 {
                try child.write { try $0.execute("INSERT INTO item(id, name) VALUES (?, ?)", [id, "acked"]) }
                print("ack \(id)")
                fflush(nil)
            }
            try child.write { conn in
                let payload = String(repeating: "x", count: 200)
                for id in 1001...21000 {
                    try conn.execute("INSERT INTO item(id, name) VALUES (?, ?)", [id, payload])
                }
                kill(getpid(), SIGKILL)
            }
        }
        let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
        #expect(output.contains("ack 50"))
        let after = try Database(path: path)
        try after.read { conn throws in
            #expect(try conn.queryOne("SELECT count(*) FROM item WHERE id <= 50")!.get(0, as: Int.self) == 50)
            #expect(try conn.queryOne("SELECT count(*) FROM item WHERE id > 1000")!.get(0, as: Int.self) == 0)
            #expect(try conn.queryOne("PRAGMA integrity_check")!.get(0, as: String.self) == "ok")
        }
    }

    /// A child process commits pairs of rows in a loop and is killed at a random moment, perhaps
    /// during a commit: every acknowledged pair must be there, and no pair may be half there.
    @Test func killDashNineAtARandomMomentNeverLosesAnAcknowledgedWriteOrSplitsOne() async throws {
        let db = try makeItemDatabase()
        let path = db.path
        let result = await #expect(processExitsWith: .signal(SIGKILL), observing: [\.standardOutputContent]) {
            [path = path as String] in
            let child = try Database(path: path)
            Thread {
                usleep(UInt32.random(in: 100_000...300_000))
                kill(getpid(), SIGKILL)
            }.start()
            for pair in 1... {
                try child.write { conn in
                    try conn.execute("INSERT INTO item(id, name) VALUES (?, 'a')", [2 * pair])
                    try conn.execute("INSERT INTO item(id, name) VALUES (?, 'b')", [2 * pair + 1])
                }
                print("ack \(pair)")
                fflush(nil)
            }
        }
        let output = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self)
        let acknowledged = output.split(separator: "\n").compactMap { Int($0.dropFirst(4)) }.max() ?? 0
        #expect(acknowledged > 0)
        let after = try Database(path: path)
        try after.read { conn throws in
            let ids = Set(try conn.query("SELECT id FROM item").map { try $0.get(0, as: Int.self) })
            for pair in 1...acknowledged {
                #expect(ids.contains(2 * pair) && ids.contains(2 * pair + 1), "acknowledged pair \(pair) lost")
            }
            for id in ids { #expect(ids.contains(id ^ 1), "row \(id) committed without its pair") }
            #expect(try conn.queryOne("PRAGMA integrity_check")!.get(0, as: String.self) == "ok")
        }
    }
}
