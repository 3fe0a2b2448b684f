import KansliStore
import Testing

@Suite struct DatabaseErrorTests {
    let db: Database

    init() throws {
        db = try Database.inMemory()
        try db.write { conn in
            try conn.executeScript("""
                CREATE TABLE committee(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
                CREATE TABLE member(
                    id INTEGER PRIMARY KEY,
                    committee_id INTEGER NOT NULL REFERENCES committee(id),
                    share INTEGER NOT NULL CHECK (share BETWEEN 0 AND 100));
                CREATE TABLE decision(
                    id INTEGER PRIMARY KEY,
                    committee_id INTEGER REFERENCES committee(id) DEFERRABLE INITIALLY DEFERRED);
                INSERT INTO committee(id, code) VALUES (1, 'GN-IT');
                """)
        }
    }

    func failingWrite(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) -> DatabaseError? {
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql, arguments) } }
    }

    @Test func syntaxErrorCarriesSQLitesMessageCodesAndTheSQL() {
        let error = failingWrite("SELEC 1")
        #expect(error?.kind == .sqlite)
        #expect(error?.resultCode == .error)
        #expect(error?.extendedResultCode == .error)
        #expect(error?.message == "near \"SELEC\": syntax error")
        #expect(error?.sql == "SELEC 1")
        #expect(error?.isConstraintViolation == false)
    }

    @Test func missingTableErrorCarriesSQLitesMessage() {
        let error = failingWrite("SELECT * FROM nowhere")
        #expect(error?.message == "no such table: nowhere")
        #expect(error?.sql == "SELECT * FROM nowhere")
    }

    @Test func doubleQuotedStringLiteralsAreErrorsNotStrings() {
        let error = #expect(throws: DatabaseError.self) {
            try db.read { try $0.query("SELECT id FROM committee WHERE code = \"GN-IT\"") }
        }
        #expect(error?.message == "no such column: GN-IT")
    }

    @Test func uniqueViolationIsDetected() {
        let error = failingWrite("INSERT INTO committee(code) VALUES (?)", ["GN-IT"])
        #expect(error?.isConstraintViolation == true)
        #expect(error?.constraintKind == .unique)
        #expect(error?.isUniqueViolation == true)
        #expect(error?.resultCode == .constraint)
        #expect(error?.extendedResultCode == .constraintUnique)
        #expect(error?.message == "UNIQUE constraint failed: committee.code")
    }

    @Test func primaryKeyViolationCountsAsUnique() {
        let error = failingWrite("INSERT INTO committee(id, code) VALUES (1, 'other')")
        #expect(error?.constraintKind == .primaryKey)
        #expect(error?.isUniqueViolation == true)
        #expect(error?.isForeignKeyViolation == false)
    }

    @Test func foreignKeyViolationIsDetected() {
        let error = failingWrite("INSERT INTO member(committee_id, share) VALUES (99, 10)")
        #expect(error?.constraintKind == .foreignKey)
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.extendedResultCode == .constraintForeignKey)
        #expect(error?.message == "FOREIGN KEY constraint failed")
    }

    @Test func deferredForeignKeyViolationFailsAtCommitAndWritesNothing() throws {
        let error = #expect(throws: DatabaseError.self) {
            try db.write { conn in
                try conn.execute("INSERT INTO committee(id, code) VALUES (2, 'GN-HR')")
                try conn.execute("INSERT INTO decision(committee_id) VALUES (42)")
            }
        }
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.sql == "COMMIT")
        #expect(try count("decision", in: db) == 0)
        #expect(try count("committee", in: db) == 1)
    }

    @Test func checkViolationIsDetected() {
        let error = failingWrite("INSERT INTO member(committee_id, share) VALUES (1, 101)")
        #expect(error?.constraintKind == .check)
        #expect(error?.isCheckViolation == true)
        #expect(error?.message.hasPrefix("CHECK constraint failed") == true)
    }

    @Test func notNullViolationIsDetected() {
        let error = failingWrite("INSERT INTO member(committee_id, share) VALUES (1, NULL)")
        #expect(error?.constraintKind == .notNull)
        #expect(error?.isNotNullViolation == true)
        #expect(error?.message == "NOT NULL constraint failed: member.share")
    }

    @Test func argumentValuesNeverAppearInErrors() {
        let secret = "19121212-1212"
        let error = failingWrite("INSERT INTO committee(id, code) VALUES (?, ?)", [1, secret])
        #expect(error.map { "\($0)" }?.contains(secret) == false)
    }

    @Test func descriptionShowsCodesMessageAndSQL() {
        let error = failingWrite("INSERT INTO committee(code) VALUES ('GN-IT')")
        #expect(error?.description ==
            "SQLite error constraint failed (2067) [constraint failed (19)]: UNIQUE constraint failed: committee.code"
            + " — SQL: INSERT INTO committee(code) VALUES ('GN-IT')")
    }

    @Test func resultCodeSplitsIntoPrimaryAndExtended() {
        #expect(DatabaseError.ResultCode.constraintUnique.rawValue == 2067)
        #expect(DatabaseError.ResultCode.constraintUnique.primary == .constraint)
        let error = DatabaseError(extendedResultCode: .constraintCheck, message: "m")
        #expect(error.resultCode == .constraint)
        #expect(error.kind == .sqlite)
        #expect(DatabaseError.Kind.schemaTooNew.description == "schemaTooNew")
    }
}
