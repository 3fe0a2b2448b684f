import KansliPlatform
import KansliStore
import Testing

/// Binding and reading every supported type, through a column with no declared type (so SQLite
/// keeps each value's storage class as bound).
@Suite struct DatabaseValueConvertibleTests {
    let db: Database

    init() throws {
        db = try Database.inMemory()
        try db.write { try $0.execute("CREATE TABLE v(x)") }
    }

    /// Stores `value`, reads it back; returns what SQLite stored and the decoded value.
    func roundTrip<T: DatabaseValueConvertible>(_ value: T) throws -> (stored: DatabaseValue, type: String, decoded: T) {
        try db.write { conn in
            try conn.execute("DELETE FROM v")
            try conn.execute("INSERT INTO v(x) VALUES (?)", [value])
            let row = try conn.queryOne("SELECT x, typeof(x) FROM v")!
            return (row[0], try row.get(1), try row.get(0))
        }
    }

    @Test func int64RoundTripsIncludingMinAndMax() throws {
        for value in [Int64.min, Int64.min + 1, -1, 0, 1, Int64.max - 1, Int64.max] {
            let result = try roundTrip(value)
            #expect(result.stored == .integer(value))
            #expect(result.type == "integer")
            #expect(result.decoded == value)
        }
    }

    @Test func intAndInt32RoundTripAtTheirLimits() throws {
        for value in [Int.min, -42, 0, Int.max] {
            #expect(try roundTrip(value).decoded == value)
        }
        for value in [Int32.min, 0, Int32.max] {
            let result = try roundTrip(value)
            #expect(result.stored == .integer(Int64(value)))
            #expect(result.decoded == value)
        }
    }

    @Test func int32RejectsAnIntegerOutOfItsRange() throws {
        let error = #expect(throws: DatabaseError.self) {
            try Int32.decode(from: .integer(Int64(Int32.max) + 1))
        }
        #expect(error?.kind == .typeMismatch)
        #expect(error?.resultCode == .mismatch)
        #expect(error?.message.contains("out of range") == true)
    }

    @Test func boolIsStoredAsZeroOrOneAndOtherIntegersAreRejected() throws {
        #expect(try roundTrip(true).stored == .integer(1))
        #expect(try roundTrip(false).stored == .integer(0))
        #expect(try roundTrip(true).decoded == true)
        #expect(throws: DatabaseError.self) { try Bool.decode(from: .integer(2)) }
        #expect(throws: DatabaseError.self) { try Bool.decode(from: .text("true")) }
    }

    @Test func doubleRoundTripsExactlyIncludingExtremes() throws {
        let values: [Double] = [0.1, -2.5, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                -.greatestFiniteMagnitude, .infinity, -.infinity]
        for value in values {
            let result = try roundTrip(value)
            #expect(result.type == "real")
            #expect(result.decoded == value)
        }
    }

    @Test func doubleNaNIsStoredAsNullAsSQLiteDoes() throws {
        #expect(try roundTrip(Double?.some(.nan)).stored == .null)
    }

    @Test func doubleAcceptsAnExactIntegerAndRejectsAnInexactOne() throws {
        #expect(try Double.decode(from: .integer(1 << 53)) == 9_007_199_254_740_992)
        #expect(throws: DatabaseError.self) { try Double.decode(from: .integer(1 << 53 + 1)) }
    }

    @Test func unicodeTextRoundTripsByteForByte() throws {
        let texts = [
            "Gemensam nämnd för Östra Göinge och Hässleholm",
            "Ærøskøbing ÅÄÖ åäö ß",
            "👩‍👩‍👧‍👦 family, 🇸🇪 flag",
            "e\u{301} decomposed vs \u{E9} precomposed",
            "中文 العربية עברית",
            "a\u{0}b embedded NUL",
            "\u{10FFFF} last code point",
        ]
        for text in texts {
            let result = try roundTrip(text)
            #expect(result.type == "text")
            #expect(result.decoded == text)
            #expect(Array(result.decoded.utf8) == Array(text.utf8))
            let byteLength = try db.read { try $0.queryOne("SELECT length(CAST(x AS BLOB)) FROM v")!.get(0, as: Int.self) }
            #expect(byteLength == text.utf8.count)
        }
    }

    @Test func emptyStringIsEmptyTextNotNull() throws {
        let result = try roundTrip("")
        #expect(result.stored == .text(""))
        #expect(result.type == "text")
    }

    @Test func emptyBlobIsAnEmptyBlobNotNull() throws {
        let result = try roundTrip([UInt8]())
        #expect(result.stored == .blob([]))
        #expect(result.type == "blob")
        #expect(result.decoded == [])
    }

    @Test func blobRoundTripsEveryByteValue() throws {
        let bytes = (0...255).map(UInt8.init) + [0, 0, 255]
        let result = try roundTrip(bytes)
        #expect(result.type == "blob")
        #expect(result.decoded == bytes)
    }

    @Test func optionalNilIsNullAndNullDecodesAsNil() throws {
        let result = try roundTrip(Int?.none)
        #expect(result.stored == .null)
        #expect(result.type == "null")
        #expect(result.decoded == nil)
        #expect(try roundTrip(Optional("x")).decoded == "x")
        // A non-optional type refuses NULL.
        let error = #expect(throws: DatabaseError.self) { try String.decode(from: .null) }
        #expect(error?.message == "expected String, found NULL")
    }

    @Test func timestampIsStoredAsUnixMicrosecondsInteger() throws {
        let moment = Timestamp(microsecondsSince1970: 1_700_000_000_123_456)
        let result = try roundTrip(moment)
        #expect(result.stored == .integer(1_700_000_000_123_456))
        #expect(result.type == "integer")
        #expect(result.decoded == moment)
    }

    @Test func timestampsRoundTripExactlyAndReadInSQLite() throws {
        var generator = SystemRandomNumberGenerator()
        let samples: [Int64] = [0, -1, 1, -86_400_000_000 * 365 * 100, 253_402_300_799_999_999]
            + (0..<500).map { _ in Int64.random(in: -4_000_000_000_000_000...4_000_000_000_000_000, using: &generator) }
        for microseconds in samples {
            let decoded = try Timestamp.decode(from: .integer(microseconds))
            #expect(decoded.databaseValue == .integer(microseconds))
        }
        // What the documentation promises for reading them in the sqlite3 shell.
        let text = try db.write { conn in
            try conn.queryOne("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ? / 1e6, 'unixepoch')",
                              [Timestamp(microsecondsSince1970: 1_655_902_800_007_000)])!.get(0, as: String.self)
        }
        #expect(text == "2022-06-22T13:00:00.007Z")
        #expect(throws: DatabaseError.self) { try Timestamp.decode(from: .text("2024-01-01T00:00:00Z")) }
        #expect(throws: DatabaseError.self) { try Timestamp.decode(from: .real(1.5)) }
    }

    enum Status: String, DatabaseValueConvertible { case active, retired }

    @Test func rawRepresentableEnumIsStoredAsItsRawValue() throws {
        let result = try roundTrip(Status.retired)
        #expect(result.stored == .text("retired"))
        #expect(result.decoded == .retired)
        let error = #expect(throws: DatabaseError.self) { try Status.decode(from: .text("deleted")) }
        #expect(error?.kind == .typeMismatch)
    }

    @Test func databaseValueArgumentsBindAsGiven() throws {
        let values: [DatabaseValue] = [.null, .integer(7), .real(0.5), .text("t"), .blob([9])]
        let row = try db.write { conn in
            try conn.queryOne("SELECT ?, ?, ?, ?, ?", values)!
        }
        #expect(row.values == values)
    }

    @Test func mixedArgumentsBindEachAsItsOwnType() throws {
        let born: Timestamp? = nil
        let row = try db.write { conn in
            try conn.queryOne("SELECT typeof(?), typeof(?), typeof(?), typeof(?), typeof(?)",
                              [1, "a", 2.5, [UInt8]([1]), born])!
        }
        #expect(row.values == [.text("integer"), .text("text"), .text("real"), .text("blob"), .text("null")])
    }

    @Test func decodingIsStrictAboutStorageClasses() throws {
        #expect(throws: DatabaseError.self) { try Int.decode(from: .text("1")) }
        #expect(throws: DatabaseError.self) { try Int.decode(from: .real(1.0)) }
        #expect(throws: DatabaseError.self) { try String.decode(from: .integer(1)) }
        #expect(throws: DatabaseError.self) { try [UInt8].decode(from: .text("bytes")) }
        #expect(try DatabaseValue.decode(from: .real(1.5)) == .real(1.5))
    }
}
