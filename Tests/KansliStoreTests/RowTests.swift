import KansliStore
import Testing

@Suite struct RowTests {
    let db: Database

    init() throws {
        db = try Database.inMemory()
        try db.write { conn in
            try conn.execute("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT, personnummer TEXT)")
            try conn.execute("INSERT INTO person VALUES (1, 'Åsa', '19121212-1212')")
        }
    }

    func person() throws -> Row {
        try db.read { try $0.queryOne("SELECT id, name, personnummer FROM person")! }
    }

    @Test func readsValuesByIndexAndByName() throws {
        let row = try person()
        #expect(row.count == 3)
        #expect(row.columnNames == ["id", "name", "personnummer"])
        #expect(row[0] == .integer(1))
        #expect(row["name"] == .text("Åsa"))
        #expect(try row.get(0, as: Int.self) == 1)
        let name: String = try row.get("name")
        #expect(name == "Åsa")
    }

    @Test func columnNamesMatchCaseInsensitivelyAsInSQL() throws {
        let row = try person()
        #expect(try row.get("NAME", as: String.self) == "Åsa")
        #expect(row.index(ofColumn: "Id") == 0)
    }

    @Test func aliasesNameColumnsAndTheFirstOfDuplicatesWins() throws {
        let row = try db.read { try $0.queryOne("SELECT 1 AS a, 2 AS b, 3 AS a")! }
        #expect(row.columnNames == ["a", "b", "a"])
        #expect(try row.get("a", as: Int.self) == 1)
    }

    @Test func missingColumnErrorNamesTheColumnAndListsTheRowsColumns() throws {
        let row = try person()
        #expect(row["born"] == nil)
        let error = #expect(throws: DatabaseError.self) { try row.get("born", as: Int.self) }
        #expect(error?.kind == .columnNotFound)
        #expect(error?.message == "no column named \"born\" (the row has id, name, personnummer)")
        #expect(error?.sql == "SELECT id, name, personnummer FROM person")
        let byIndex = #expect(throws: DatabaseError.self) { try row.get(3, as: Int.self) }
        #expect(byIndex?.kind == .columnNotFound)
        #expect(byIndex?.message.contains("index 3") == true)
    }

    @Test func typeMismatchNamesColumnIndexExpectedTypeAndSQLButNotTheValue() throws {
        let row = try person()
        let error = #expect(throws: DatabaseError.self) { try row.get("personnummer", as: Int.self) }
        #expect(error?.kind == .typeMismatch)
        #expect(error?.resultCode == .mismatch)
        #expect(error?.message == "column \"personnummer\" (index 2): expected Int, found TEXT")
        #expect(error?.sql == "SELECT id, name, personnummer FROM person")
        #expect(error.map { "\($0)".contains("19121212") } == false)
        let byIndex = #expect(throws: DatabaseError.self) { try row.get(1, as: [UInt8].self) }
        #expect(byIndex?.message == "column \"name\" (index 1): expected [UInt8], found TEXT")
    }

    @Test func nullReadsAsNilForOptionalsAndAsAnErrorOtherwise() throws {
        let row = try db.read { try $0.queryOne("SELECT NULL AS missing")! }
        #expect(row["missing"] == .null)
        #expect(try row.get("missing", as: String?.self) == nil)
        let error = #expect(throws: DatabaseError.self) { try row.get("missing", as: String.self) }
        #expect(error?.message == "column \"missing\" (index 0): expected String, found NULL")
    }

    @Test func rowsAreValuesThatOutliveTheirQueryAndCompareByNamesAndValues() throws {
        let first = try person()
        let second = try person()
        #expect(first == second)
        let other = try db.read { try $0.queryOne("SELECT 1 AS id, 'Åsa' AS name, '19121212-1212' AS x")! }
        #expect(first != other)
        #expect(first.description == "[id: 1, name: 'Åsa', personnummer: '19121212-1212']")
    }
}
