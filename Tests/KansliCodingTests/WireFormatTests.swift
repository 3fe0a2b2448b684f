import Foundation
import KansliCoding
import Testing

/// The exact bytes of every kind of value, as docs/PROTOCOL.md ("Values") specifies them.
@Suite struct WireFormatTests {
    @Test func nilAndBooleansAreSingleTags() throws {
        #expect(try encoded(Int?.none) == [0x00])
        #expect(try encoded(false) == [0x01])
        #expect(try encoded(true) == [0x02])
    }

    @Test(arguments: [
        (Int64(0), "03 00"), (1, "03 02"), (-1, "03 01"), (63, "03 7E"), (-64, "03 7F"), (64, "03 80 01"),
        (79_000, "03 B0 D2 09"), (Int64.max, "03 FE FF FF FF FF FF FF FF FF 01"),
        (Int64.min, "03 FF FF FF FF FF FF FF FF FF 01"),
    ])
    func signedIntegersAreZigzagVarints(value: Int64, hex: String) throws {
        #expect(try encoded(value) == Hex.bytes(hex))
    }

    @Test func everySignedWidthWritesTheSameBytes() throws {
        #expect(try encoded(Int(-3)) == Hex.bytes("03 05"))
        #expect(try encoded(Int8(-3)) == Hex.bytes("03 05"))
        #expect(try encoded(Int16(-3)) == Hex.bytes("03 05"))
        #expect(try encoded(Int32(-3)) == Hex.bytes("03 05"))
        #expect(try encoded(Int8.min) == Hex.bytes("03 FF 01"))
    }

    @Test func unsignedIntegersArePlainVarints() throws {
        #expect(try encoded(UInt8(255)) == Hex.bytes("04 FF 01"))
        #expect(try encoded(UInt16(300)) == Hex.bytes("04 AC 02"))
        #expect(try encoded(UInt32(0)) == Hex.bytes("04 00"))
        #expect(try encoded(UInt(127)) == Hex.bytes("04 7F"))
        #expect(try encoded(UInt64.max) == Hex.bytes("04 FF FF FF FF FF FF FF FF FF 01"))
    }

    @Test func floatingPointIsBinary64LittleEndian() throws {
        #expect(try encoded(1.0) == Hex.bytes("05 00 00 00 00 00 00 F0 3F"))
        #expect(try encoded(-0.0) == Hex.bytes("05 00 00 00 00 00 00 00 80"))
        #expect(try encoded(Float(0.5)) == Hex.bytes("05 00 00 00 00 00 00 E0 3F"))
        #expect(try encoded(Double.infinity) == Hex.bytes("05 00 00 00 00 00 00 F0 7F"))
    }

    @Test func everyNaNIsWrittenAsTheOneCanonicalQuietNaN() throws {
        let canonical = Hex.bytes("05 00 00 00 00 00 00 F8 7F")
        #expect(try encoded(Double.nan) == canonical)
        #expect(try encoded(-Double.nan) == canonical)
        #expect(try encoded(Double(nan: 0x1234, signaling: false)) == canonical)
        #expect(try encoded(Float.signalingNaN) == canonical)
    }

    @Test func stringsAreByteCountedUTF8() throws {
        #expect(try encoded("") == [0x06, 0x00])
        #expect(try encoded("Luleå") == Hex.bytes("06 06 4C 75 6C 65 C3 A5"))
        let long = String(repeating: "ö", count: 100)
        #expect(try encoded(long) == [0x06, 0xC8, 0x01] + Array(long.utf8))
    }

    @Test("[UInt8] is one bytes value (0x07), wherever it sits; other byte-sized arrays are arrays")
    func byteArraysAreBytes() throws {
        #expect(try encoded([UInt8]([1, 2, 3])) == Hex.bytes("07 03 01 02 03"))
        #expect(try encoded([UInt8]()) == Hex.bytes("07 00"))
        struct Signed: Codable { var signature: [UInt8]; var keys: [[UInt8]] }
        #expect(try encoded(Signed(signature: [0xED], keys: [[1], []]))
            == Wire.map([Wire.key("signature") + Hex.bytes("07 01 ED"),
                         Wire.key("keys") + Wire.array([Hex.bytes("07 01 01"), Hex.bytes("07 00")])]))
        #expect(try encoded([Int8]([1, 2])) == Wire.array([Wire.int(1), Wire.int(2)]))
    }

    @Test("Foundation's Date and UUID get no form of their own: tags 0x0A and 0x0B are never written")
    func foundationTypesEncodeAsTheirOwnCodableSays() throws {
        // Messages carry CalendarDate strings and string ids; a Date or UUID that slips into a
        // message is what its own Codable makes of it, a float64 or a string.
        #expect(try encoded(Date(timeIntervalSinceReferenceDate: 1.5)) == Hex.bytes("05 00 00 00 00 00 00 F8 3F"))
        let uuid = UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!
        #expect(try encoded(uuid) == Wire.string("E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
    }

    @Test func arraysCarryByteCountThenElementCount() throws {
        #expect(try encoded([1, 2, 3]) == Hex.bytes("08 07 03 03 02 03 04 03 06"))
        #expect(try encoded([Int]()) == Hex.bytes("08 01 00"))
        #expect(try encoded([[Int]]([[], [1]])) == Hex.bytes("08 09 02 08 01 00 08 03 01 03 02"))
    }

    @Test func arrayHeadersGrowPastOneByteExactlyAtTheVarintBoundaries() throws {
        // 126 one-byte elements: the rest is 1 + 126 = 127 bytes, still one varint byte.
        let fits = try encoded([Bool](repeating: true, count: 126))
        #expect(Array(fits.prefix(3)) == [0x08, 0x7F, 0x7E])
        #expect(fits.count == 3 + 126)
        // 127 elements: the rest is 128, two varint bytes; the count still one.
        let rest = try encoded([Bool](repeating: true, count: 127))
        #expect(Array(rest.prefix(4)) == [0x08, 0x80, 0x01, 0x7F])
        // 200 elements: both need two bytes (the body is moved up by two).
        let both = try encoded([Bool](repeating: false, count: 200))
        #expect(Array(both.prefix(5)) == [0x08, 0xCA, 0x01, 0xC8, 0x01])
        #expect(both.count == 5 + 200)
        #expect(both.dropFirst(5).allSatisfy { $0 == 0x01 })
        #expect(try decoded([Bool].self, both) == [Bool](repeating: false, count: 200))
    }

    @Test func largeNestedBodiesSurviveTheMoveOfTheirHeader() throws {
        let nested = (0..<300).map { index in (0..<index % 40).map { "\($0)" } }
        let bytes = try encoded(nested)
        #expect(try decoded([[String]].self, bytes) == nested)
    }

    @Test func structsAreMapsInTheOrderTheTypeEncodesItsKeys() throws {
        struct Point: Codable { var y: Int; var x: Int }
        #expect(try encoded(Point(y: 1, x: 2)) == Hex.bytes("09 09 02 01 79 03 02 01 78 03 04"))
        struct Empty: Codable {}
        #expect(try encoded(Empty()) == Hex.bytes("09 01 00"))
    }

    @Test func nilOptionalPropertiesAreLeftOut() throws {
        struct Person: Codable { var name: String; var email: String? }
        #expect(try encoded(Person(name: "A", email: nil)) == Hex.bytes("09 09 01 04 6E 61 6D 65 06 01 41"))
    }

    @Test func explicitNilsInArraysAreNilTags() throws {
        #expect(try encoded([1, nil, 3] as [Int?]) == Hex.bytes("08 06 03 03 02 00 03 06"))
    }

    @Test func stringKeyedDictionariesAreMapsSortedByKeyBytes() throws {
        #expect(try encoded(["b": 1, "a": 2]) == Hex.bytes("09 09 02 01 61 03 04 01 62 03 02"))
    }

    @Test func intKeyedDictionariesAreMapsWithDecimalKeysSortedAsBytes() throws {
        // "10" (31 30) sorts before "9" (39).
        #expect(try encoded([9: false, 10: true]) == Hex.bytes("09 08 02 02 31 30 02 01 39 01"))
    }

    @Test func enumsWithRawValuesAreTheirRawValue() throws {
        enum Party: String, Codable { case socialdemokraterna = "S" }
        enum Level: Int, Codable { case high = 2 }
        #expect(try encoded(Party.socialdemokraterna) == Wire.string("S"))
        #expect(try encoded(Level.high) == Wire.int(2))
    }

    @Test func enumsWithPayloadsAreMapsOfOneCaseAsSwiftSynthesizesThem() throws {
        enum Shape: Codable, Equatable {
            case circle(radius: Int)
            case point
        }
        #expect(try encoded(Shape.circle(radius: 2))
            == Wire.map([Wire.key("circle") + Wire.map([Wire.key("radius") + Wire.int(2)])]))
        #expect(try encoded(Shape.point) == Wire.map([Wire.key("point") + Wire.map([])]))
    }
}
