import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

/// Reading stored values by position: the fast path for mandate periods, the general parser as
/// the fallback, and `internal` errors naming the column for values the schema should have
/// prevented.
@Suite("Column reader")
struct ColumnReaderTests {
    @Test("YYYY-YYYY is read directly; anything else is left to MandatePeriod's parser",
          arguments: [
            ("2019-2022", MandatePeriod("2019-2022")), ("2023-2026", MandatePeriod("2023-2026")),
            ("2019–2022", nil), (" 2019-2022", nil), ("2019-2022 ", nil), ("2019/2022", nil), ("20a9-2022", nil),
            ("2019-20222", nil), ("2019-202", nil), ("", nil),
            // Well formed, but not a period: five years, backwards.
            ("2019-2023", nil), ("2022-2019", nil),
          ])
    func canonicalMandatePeriod(_ text: String, _ expected: MandatePeriod?) {
        #expect(ColumnReader.canonicalMandatePeriod(text) == expected)
    }

    @Test("A period stored in another spelling is still read; a malformed one is an internal error naming the column")
    func storedPeriods() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        func store(_ period: String) throws {
            try db.database.write { connection in
                try connection.execute("UPDATE registry_appointment SET mandate_period = ? WHERE committee_seq = ? AND id = ?",
                                       [period, seq, "isak-utsi-2019"])
            }
        }
        try store(" 2019–2022")
        #expect(try db.file(of: "NBE").appointments.first { $0.id == "isak-utsi-2019" }?.mandatePeriod == Fixtures.term)
        try store("2019")
        let error = expectServiceError(.internal, field: nil) { _ = try db.file(of: "NBE") }
        #expect(error?.message.contains("mandate_period") == true)
    }

    @Test("A malformed stored date is an internal error naming the column")
    func malformedValues() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        try db.database.write { connection in
            try connection.execute("UPDATE registry_role SET from_on = '2019-13-01' WHERE committee_seq = ? AND id = ?",
                                   [seq, "chair-carina-sammeli-2019"])
        }
        let error = expectServiceError(.internal, field: nil) { _ = try db.file(of: "NBE") }
        #expect(error?.message == "stored from_on \"2019-13-01\" is not a yyyy-MM-dd date")
    }
}
