import KansliProtocol
import KansliStore
import RegistryAPI
import Testing

@testable import RegistryService

/// Migration 2's committee revision: every change to a committee's records, by any path, gives it
/// a revision it never had, in the transaction of the change, and leaves other committees alone.
@Suite("Registry schema: committee revisions")
struct RegistrySchemaTests {
    @Test("Every table with a committee_seq column has insert, update and delete revision triggers")
    func everyRecordTableHasTriggers() throws {
        let db = try RegistryTestDatabase()
        let (tables, triggers) = try db.database.read { connection in
            let tables = try connection.query("""
                SELECT m.name FROM sqlite_schema AS m WHERE m.type = 'table'
                AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'committee_seq') ORDER BY m.name
                """).map { try $0.get(0, as: String.self) }
            let triggers = try connection.query("SELECT tbl_name, name FROM sqlite_schema WHERE type = 'trigger'")
                .map { "\(try $0.get(0, as: String.self)) \(try $0.get(1, as: String.self))" }
            return (tables, Set(triggers))
        }
        #expect(tables.count == 9)
        for table in tables {
            for event in ["insert", "update", "delete"] {
                #expect(triggers.contains("\(table) \(table)_revision_\(event)"), "\(table) has no \(event) trigger")
            }
        }
        #expect(triggers.contains("registry_committee registry_committee_revision_insert"))
        #expect(triggers.contains("registry_committee registry_committee_revision_update"))
    }

    @Test("Each kind of change gives the committee a new, higher revision and leaves the other committee's alone")
    func everyChangeStamps() throws {
        let db = try RegistryTestDatabase()
        let nbe = try db.insert(Fixtures.norrbotten())
        try db.insert(Fixtures.jamtland())
        let jamtland = try db.version(of: "GNS")
        var file = try Fixtures.norrbotten()
        var seen = [try db.version(of: "NBE").revision]

        func expectNewRevision(_ change: String, sourceLocation: SourceLocation = #_sourceLocation,
                               _ body: (RegistryStore) throws -> Void) throws {
            try db.write(body)
            let revision = try db.version(of: "NBE").revision
            #expect(revision > seen.max()!, "\(change) did not stamp a new revision", sourceLocation: sourceLocation)
            seen.append(revision)
        }
        file.committee.name = "Norrbottens e-nämnd (ändrad)"
        file.committee.notes.append("A note more.")
        try expectNewRevision("a committee update") { try $0.update(file.committee, seq: nbe) }
        file.parties[1].name = "Arvidsjaur"
        try expectNewRevision("a party update") { try $0.update(file.parties[1], committee: nbe) }
        file.yearlyKeys[0].value += 1
        try expectNewRevision("a yearly key upsert") { try $0.upsert(file.yearlyKeys[0], committee: nbe) }
        file.persons[0].email = "isak.utsi@example.se"
        try expectNewRevision("a person update") { try $0.update(file.persons[0], committee: nbe) }
        try expectNewRevision("a person insert") {
            try $0.insert(Person(id: "ny-person", name: "Ny Person"), committee: nbe)
        }
        file.appointments[0].note = "Changed."
        try expectNewRevision("an appointment update") { try $0.update(file.appointments[0], committee: nbe) }
        file.roles[0].to = Fixtures.day("2022-06-30")
        try expectNewRevision("a role update") { try $0.update(file.roles[0], committee: nbe) }
        file.staff[0].title = "sekreterare"
        try expectNewRevision("a staff update") { try $0.update(file.staff[0], committee: nbe) }
        file.pairings[0].to = Fixtures.day("2022-06-30")
        try expectNewRevision("a pairing update") { try $0.update(file.pairings[0], committee: nbe) }
        var key = SigningKey(id: "isak-utsi-key-1", person: "isak-utsi", publicKey: String(repeating: "ab", count: 32),
                             validFrom: Fixtures.day("2022-01-01"))
        try expectNewRevision("a signing key insert") { try $0.insert(key, committee: nbe) }
        key.revokedOn = Fixtures.day("2022-06-01")
        key.revocationReason = "lost"
        try expectNewRevision("a signing key revocation") { try $0.revoke(key, committee: nbe) }
        try expectNewRevision("a plain SQL delete") { store in
            try store.connection.execute("DELETE FROM registry_person WHERE committee_seq = ? AND id = ?",
                                         [nbe, "ny-person"])
        }
        #expect(try db.version(of: "GNS") == jamtland)
    }

    @Test("A write that is rolled back leaves the revision as it was")
    func rollbackKeepsRevision() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        let before = try db.version(of: "NBE")
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try db.write { store in
                try store.update(Person(id: "isak-utsi", name: "Not Isak"), committee: seq)
                #expect(try store.version(of: "NBE") != before, "the change is stamped inside its transaction")
                throw Abandon()
            }
        }
        #expect(try db.version(of: "NBE") == before)
    }

    @Test("A committee deleted and imported again under the same rowid never gets a revision it had before")
    func reimportUnderSameRowid() throws {
        let db = try RegistryTestDatabase()
        let file = try Fixtures.norrbotten()
        let seq = try db.insert(file)
        let before = try db.version(of: "NBE")
        var changed = file
        changed.persons[0].email = "isak.utsi@example.se"
        try db.write { store in
            try store.deleteCommittee(seq)
            #expect(try store.insertAll(changed) == seq, "SQLite reuses the rowid of the last row")
        }
        let after = try db.version(of: "NBE")
        #expect(after.seq == before.seq && after.revision > before.revision)
        #expect(try db.file(of: "NBE") == changed)
    }

    @Test("Committees stored before migration 2 start at revision 0 and get a new one at their first change")
    func migrationFromVersion1() throws {
        let db = try RegistryTestDatabase(migrations: Array(RegistrySchema.migrations.prefix(1)))
        let nbe = try db.insertAsVersion1(committee: "NBE", name: "Norrbottens e-nämnd", person: ("isak-utsi", "Isak Utsi"))
        try db.insertAsVersion1(committee: "GNS", name: "Gemensam nämnd för samverkan", person: ("anna-berg", "Anna Berg"))
        try db.database.migrate(RegistrySchema.migrations)
        #expect(try db.version(of: "NBE") == CommitteeVersion(seq: nbe, revision: 0))
        #expect(try db.version(of: "GNS").revision == 0)
        try db.write { try $0.update(Person(id: "isak-utsi", name: "Isak Utsi", phone: "070-000 00 00"), committee: nbe) }
        #expect(try db.version(of: "NBE").revision == 1)
        #expect(try db.version(of: "GNS").revision == 0)
    }

    @Test("Records stored before migration 4 read back at revision 1, with no writer known")
    func migrationToRecordRevisions() throws {
        let db = try RegistryTestDatabase(migrations: Array(RegistrySchema.migrations.prefix(3)))
        let nbe = try db.insertAsVersion1(committee: "NBE", name: "Norrbottens e-nämnd", person: ("isak-utsi", "Isak Utsi"))
        try db.database.migrate(RegistrySchema.migrations)
        #expect(try db.file(of: "NBE").persons == [Person(id: "isak-utsi", name: "Isak Utsi", revision: 1)])
        let change = try db.database.read {
            try RegistryStore(connection: $0).lastChange(in: "registry_person", committee: nbe, id: "isak-utsi")
        }
        #expect(change.keyID == nil && change.at == nil)
    }

    @Test("Every table whose records have an update method carries a revision and who stored it")
    func revisedTablesHaveTheColumns() throws {
        let db = try RegistryTestDatabase()
        for table in RegistrySchema.revisedTables {
            let columns = try db.database.read { connection in
                try connection.query("SELECT name FROM pragma_table_info(?)", [table]).map { try $0.get(0, as: String.self) }
            }
            #expect(["revision", "changed_by", "changed_at"].allSatisfy(columns.contains), "\(table): \(columns)")
        }
    }

    @Test("A write rolled back after leaving its state in the cache: its revision comes again, never with its token")
    func rolledBackPublishIsNeverTaken() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        let cache = CommitteeStateCache()
        var never = try db.file(of: "NBE")
        never.persons[0].name = "Isak Utsi (never stored)"
        struct Rollback: Error {}
        var published: CommitteeVersion?
        #expect(throws: Rollback.self) {
            try db.write { store in
                // What RegistryWriteContext.publish does, then a failure before the commit.
                try store.update(never.persons[0], committee: seq)
                try store.connection.execute("UPDATE registry_committee SET write_token = ? WHERE seq = ?", [Int64(42), seq])
                published = try store.requireVersion(of: "NBE")
                cache.insert(CommitteeState(never), of: "NBE", at: try #require(published))
                throw Rollback()
            }
        }
        // The same two stamps, committed by a writer that sets no token: the same revision again.
        try db.write { store in
            try store.update(Person(id: "isak-utsi", name: "Isak Utsi", phone: "0961-140 00"), committee: seq)
            try store.connection.execute("UPDATE registry_committee SET short_name = short_name WHERE seq = ?", [seq])
        }
        let after = try db.version(of: "NBE")
        #expect(after.revision == published?.revision && after.token != published?.token)
        #expect(try db.readState(of: "NBE", through: cache).person("isak-utsi")?.name == "Isak Utsi")
    }
}
