import Foundation
@testable import KansliStore
import Testing

@Suite struct ConnectionTests {
    @Test func lastInsertRowIDAndChangesReportTheLastStatement() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            try conn.execute("INSERT INTO item(name) VALUES (?)", ["a"])
            #expect(conn.lastInsertRowID == 1)
            #expect(conn.changes == 1)
            try conn.execute("INSERT INTO item(id, name) VALUES (?, ?)", [Int64.max, "max"])
            #expect(conn.lastInsertRowID == Int64.max)
            try conn.execute("UPDATE item SET name = upper(name)")
            #expect(conn.changes == 2)
        }
    }

    @Test func theStatementCacheReusesOnePreparedStatementPerSQL() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            conn.clearStatementCache()
            let before = conn.statementCacheStatistics
            for index in 0..<100 {
                try conn.execute("INSERT INTO item(id, name) VALUES (?, ?)", [index, "n\(index)"])
            }
            let after = conn.statementCacheStatistics
            #expect(after.misses - before.misses == 1)
            #expect(after.hits - before.hits == 99)
            #expect(conn.cachedStatementCount == 1)
        }
        #expect(try count("item", in: db) == 100)
    }

    @Test func cachedStatementsFollowSchemaChanges() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            try conn.execute("INSERT INTO item(name) VALUES ('a')")
            #expect(try conn.queryOne("SELECT * FROM item")!.columnNames == ["id", "name"])
            try conn.execute("ALTER TABLE item ADD COLUMN note TEXT DEFAULT 'n'")
            let row = try conn.queryOne("SELECT * FROM item")!
            #expect(row.columnNames == ["id", "name", "note"])
            #expect(try row.get("note", as: String.self) == "n")
        }
    }

    @Test func theStatementCacheIsBounded() throws {
        let db = try Database.inMemory(configuration: .init(statementCacheCapacity: 4))
        try db.write { conn in
            for index in 0..<10 {
                _ = try conn.query("SELECT \(index)")
                #expect(conn.cachedStatementCount <= 4)
            }
        }
    }

    @Test func executeRunsOneStatementAndRejectsSeveral() throws {
        let db = try makeItemDatabase()
        let error = #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute("INSERT INTO item(name) VALUES ('a'); DELETE FROM item") }
        }
        #expect(error?.kind == .multipleStatements)
        #expect(try count("item", in: db) == 0)
        // Trailing whitespace, semicolons and comments are not statements.
        try db.write { try $0.execute("INSERT INTO item(name) VALUES ('a');  -- a comment\n") }
        #expect(try count("item", in: db) == 1)
    }

    @Test func executeScriptRunsEveryStatementAndNamesTheFailingOne() throws {
        let db = try Database.inMemory()
        try db.write { conn in
            try conn.executeScript("""
                -- two tables
                CREATE TABLE a(x);
                CREATE TABLE b(y);
                INSERT INTO a VALUES (1); INSERT INTO b VALUES (2);
                SELECT * FROM a;
                """)
        }
        #expect(try count("a", in: db) == 1)
        let error = #expect(throws: DatabaseError.self) {
            try db.write { try $0.executeScript("INSERT INTO a VALUES (2);\nINSERT INTO nowhere VALUES (3);") }
        }
        #expect(error?.message == "no such table: nowhere")
        #expect(error?.sql?.hasPrefix("INSERT INTO nowhere") == true)
        // The whole script was rolled back with the transaction.
        #expect(try count("a", in: db) == 1)
    }

    @Test func argumentCountMustMatchTheParameters() throws {
        let db = try makeItemDatabase()
        for arguments: [any DatabaseValueConvertible] in [[], [1], [1, "a", 3]] {
            let error = #expect(throws: DatabaseError.self) {
                try db.write { try $0.execute("INSERT INTO item(id, name) VALUES (?, ?)", arguments) }
            }
            #expect(error?.kind == .argumentCount)
            #expect(error?.message == "the statement has 2 parameters but \(arguments.count) arguments were given")
        }
    }

    @Test func queryReturnsAllRowsAndQueryOneTheFirstOrNil() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            for name in ["a", "b", "c"] { try conn.execute("INSERT INTO item(name) VALUES (?)", [name]) }
        }
        try db.read { conn in
            let rows = try conn.query("SELECT name FROM item ORDER BY id")
            #expect(try rows.map { try $0.get(0, as: String.self) } == ["a", "b", "c"])
            #expect(try conn.queryOne("SELECT name FROM item ORDER BY id DESC")?.get(0, as: String.self) == "c")
            #expect(try conn.queryOne("SELECT name FROM item WHERE id = ?", [99]) == nil)
            #expect(try conn.query("SELECT name FROM item WHERE id = ?", [99]).isEmpty)
        }
    }

    @Test func sqlCannotBeginCommitOrRollBackTransactions() throws {
        let db = try makeItemDatabase()
        for sql in ["COMMIT", "END", "ROLLBACK", "BEGIN", "BEGIN IMMEDIATE"] {
            let error = #expect(throws: DatabaseError.self) {
                try db.write { conn in
                    try conn.execute("INSERT INTO item(name) VALUES ('x')")
                    try conn.execute(sql)
                }
            }
            #expect(error?.kind == .transactionControl, "\(sql)")
            #expect(error?.sql == sql)
        }
        let script = #expect(throws: DatabaseError.self) {
            try db.write { try $0.executeScript("INSERT INTO item(name) VALUES ('y'); COMMIT;") }
        }
        #expect(script?.kind == .transactionControl)
        #expect(try count("item", in: db) == 0)
    }

    @Test func writeWithoutTransactionMayRunItsOwnTransactionButTheCachedCommitStaysRefusedInWrite() throws {
        let db = try makeItemDatabase()
        try db.writeWithoutTransaction { conn in
            try conn.execute("BEGIN")
            try conn.execute("INSERT INTO item(name) VALUES ('manual')")
            try conn.execute("COMMIT")
        }
        #expect(try count("item", in: db) == 1)
        // The same SQL, now cached, is still refused inside a managed transaction.
        let error = #expect(throws: DatabaseError.self) {
            try db.write { conn in
                try conn.execute("INSERT INTO item(name) VALUES ('x')")
                try conn.execute("COMMIT")
            }
        }
        #expect(error?.kind == .transactionControl)
        #expect(try count("item", in: db) == 1)
    }

    @Test func savepointsAreAllowedInsideAWrite() throws {
        let db = try makeItemDatabase()
        try db.write { conn in
            try conn.execute("INSERT INTO item(name) VALUES ('kept')")
            try conn.execute("SAVEPOINT s")
            try conn.execute("INSERT INTO item(name) VALUES ('undone')")
            try conn.execute("ROLLBACK TO s")
            try conn.execute("RELEASE s")
        }
        #expect(try db.read { try $0.query("SELECT name FROM item") }.map { $0[0] } == [.text("kept")])
    }

    @Test func sqlContainingANulByteIsRejected() throws {
        let db = try Database.inMemory()
        let error = #expect(throws: DatabaseError.self) {
            try db.read { try $0.query("SELECT 1\u{0}; DROP TABLE x") }
        }
        #expect(error?.kind == .misuse)
    }

    @Test func aConnectionKeptPastItsClosureTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database.inMemory()
            var kept: Connection?
            try db.write { kept = $0 }
            _ = try kept?.query("SELECT 1")
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("may be used only inside the Database.read/write closure"))
    }

    @Test func aConnectionUsedFromAnotherThreadTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database.inMemory()
            try db.write { conn in
                nonisolated(unsafe) let shared = conn
                onThreads(1) { _ in _ = shared.changes }
            }
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("may be used only inside the Database.read/write closure"))
    }
}
