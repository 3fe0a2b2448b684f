import KansliStore
import Synchronization
import Testing

@Suite struct DatabaseMigrationsTests {
    /// Three migrations; each also logs itself, so a test can see how often each one ran.
    let migrations = [
        Migration(version: 1, sql: """
            CREATE TABLE migration_log(version INTEGER NOT NULL);
            CREATE TABLE committee(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
            INSERT INTO migration_log VALUES (1);
            """),
        Migration(version: 2, sql: """
            ALTER TABLE committee ADD COLUMN name TEXT;
            INSERT INTO migration_log VALUES (2);
            """),
        Migration(version: 3, sql: """
            CREATE TABLE member(id INTEGER PRIMARY KEY, committee_id INTEGER NOT NULL REFERENCES committee(id));
            INSERT INTO migration_log VALUES (3);
            """),
    ]

    func log(_ db: Database) throws -> [Int] {
        try db.read { try $0.query("SELECT version FROM migration_log ORDER BY rowid").map { try $0.get(0) } }
    }

    @Test func pendingMigrationsApplyOnceAndInOrder() throws {
        let db = try Database.temporary()
        #expect(try db.schemaVersion() == 0)
        try db.migrate(migrations)
        try db.migrate(migrations)
        #expect(try db.schemaVersion() == 3)
        #expect(try log(db) == [1, 2, 3])
        try db.write { try $0.execute("INSERT INTO committee(code, name) VALUES ('GN', 'Gemensam nämnd')") }
    }

    @Test func migrationResumesAfterAnEarlierRunAppliedOnlySome() throws {
        let db = try Database.temporary()
        try db.migrate(Array(migrations.prefix(1)))
        #expect(try db.schemaVersion() == 1)
        let reopened = try Database(path: db.path)
        try reopened.migrate(migrations)
        #expect(try reopened.schemaVersion() == 3)
        #expect(try log(reopened) == [1, 2, 3])
    }

    @Test func aFailingMigrationIsRolledBackWholeAndTheNextRunResumesThere() throws {
        let db = try Database.temporary()
        let broken = [migrations[0],
                      Migration(version: 2, sql: """
                          CREATE TABLE half_done(x);
                          INSERT INTO migration_log VALUES (2);
                          ALTER TABLE nowhere ADD COLUMN y;
                          """),
                      migrations[2]]
        let error = #expect(throws: DatabaseError.self) { try db.migrate(broken) }
        #expect(error?.message == "migration 2: no such table: nowhere")
        #expect(error?.sql == "ALTER TABLE nowhere ADD COLUMN y;")
        #expect(try db.schemaVersion() == 1)
        #expect(try log(db) == [1])
        #expect(try db.read { try $0.queryOne("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'")!.get(0, as: Int.self) } == 0)
        try db.migrate(migrations)
        #expect(try db.schemaVersion() == 3)
        #expect(try log(db) == [1, 2, 3])
    }

    @Test func aDatabaseNewerThanTheCodeIsRefused() throws {
        let db = try Database.temporary()
        try db.migrate(migrations)
        try db.writeWithoutTransaction { try $0.execute("PRAGMA user_version = 7") }
        let error = #expect(throws: DatabaseError.self) { try db.migrate(migrations) }
        #expect(error?.kind == .schemaTooNew)
        #expect(error?.message.contains("schema version 7 is newer than this program knows (latest migration 3)") == true)
        #expect(try db.schemaVersion() == 7)
        #expect(try log(db) == [1, 2, 3])
        let none = #expect(throws: DatabaseError.self) { try db.migrate([]) }
        #expect(none?.kind == .schemaTooNew)
    }

    @Test func anEmptyMigrationListLeavesANewDatabaseAlone() throws {
        let db = try Database.temporary()
        try db.migrate([])
        #expect(try db.schemaVersion() == 0)
    }

    @Test func migrationVersionsMustBePositiveAndStrictlyIncreasing() throws {
        let db = try Database.temporary()
        for versions in [[0], [1, 1], [2, 1], [-1, 2]] {
            let list = versions.map { Migration(version: $0, sql: "SELECT 1") }
            let error = #expect(throws: DatabaseError.self) { try db.migrate(list) }
            #expect(error?.kind == .invalidMigrations)
        }
        #expect(try db.schemaVersion() == 0)
    }

    @Test func aMigrationThatLeavesABrokenForeignKeyIsRolledBack() throws {
        let db = try Database.temporary()
        try db.migrate(migrations)
        let orphan = Migration(version: 4, sql: """
            PRAGMA defer_foreign_keys = ON;
            INSERT INTO member(committee_id) VALUES (404);
            """)
        let error = #expect(throws: DatabaseError.self) { try db.migrate(migrations + [orphan]) }
        #expect(error?.kind == .migrationForeignKeyCheck)
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.message.contains("table member referencing committee") == true)
        #expect(try db.schemaVersion() == 3)
        #expect(try count("member", in: db) == 0)
    }

    @Test func migrationsCannotCommitOnTheirOwn() throws {
        let db = try Database.temporary()
        let sneaky = Migration(version: 1, sql: "CREATE TABLE a(x); COMMIT; CREATE TABLE b(y);")
        let error = #expect(throws: DatabaseError.self) { try db.migrate([sneaky]) }
        #expect(error?.kind == .transactionControl)
        #expect(try db.schemaVersion() == 0)
        #expect(try db.read { try $0.queryOne("SELECT count(*) FROM sqlite_schema")!.get(0, as: Int.self) } == 0)
    }

    @Test func twoProcessesMigratingAtOnceApplyEachMigrationOnce() throws {
        let db = try Database.temporary()
        let other = try Database(path: db.path)
        let failures = ThreadFailures()
        let databases = [db, other]
        onThreads(2) { index in
            do { try databases[index].migrate(migrations) } catch { failures.record("\(error)") }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try log(db) == [1, 2, 3])
    }
}
