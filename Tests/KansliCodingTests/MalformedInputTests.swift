import Foundation
import KansliCoding
import Testing
import KansliTestSupport

/// Malformed input always throws a `BinaryCodingError` that says what is wrong and where; it never
/// traps and never allocates more than the input justifies.
@Suite struct MalformedInputTests {
    /// A realistic message, small enough to mutate at every offset.
    static let list = CommitteeMemberList.norrbotten(memberCount: 12)
    static let bytes = try! encoded(list)

    @Test func everyTruncationIsAnError() throws {
        for length in 0..<Self.bytes.count {
            let error = decodingError(CommitteeMemberList.self, Array(Self.bytes.prefix(length)))
            #expect(error != nil, "prefix of \(length) bytes")
            #expect(error?.code == .truncated || error?.code == .lengthOutOfBounds, "prefix of \(length): \(String(describing: error))")
        }
    }

    @Test func removingAnySingleByteIsAnErrorOrAnotherValueNeverATrap() throws {
        // Lengths inside now disagree with their contents: exercises the inner checks, not just
        // the top-level byte count.
        for index in 0..<Self.bytes.count {
            var damaged = Self.bytes
            damaged.remove(at: index)
            expectErrorOrValue(damaged, "byte \(index) removed")
        }
    }

    @Test func randomByteFlipsAreErrorsOrOtherValuesNeverTraps() throws {
        var generator = SeededGenerator(seed: 0x4B4E_534C)
        var errors = 0
        for round in 0..<3_000 {
            var damaged = Self.bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<damaged.count, using: &generator)
                damaged[index] ^= UInt8.random(in: 1...255, using: &generator)
            }
            if expectErrorOrValue(damaged, "round \(round)") { errors += 1 }
        }
        #expect(errors > 1_500)
    }

    @Test func everySingleBitFlipOfTheHeaderAndFirstMemberIsHandled() throws {
        for index in 0..<min(Self.bytes.count, 400) {
            for bit in 0..<8 {
                var damaged = Self.bytes
                damaged[index] ^= UInt8(1 << bit)
                expectErrorOrValue(damaged, "bit \(bit) of byte \(index)")
            }
        }
    }

    /// Decodes `bytes`; returns true if it threw a `BinaryCodingError`, records an issue for any
    /// other error.
    @discardableResult
    private func expectErrorOrValue(_ bytes: [UInt8], _ comment: Comment) -> Bool {
        do {
            _ = try decoded(CommitteeMemberList.self, bytes)
            return false
        } catch let error as BinaryCodingError {
            #expect(!error.message.isEmpty, comment)
            return true
        } catch {
            Issue.record("\(comment): not a BinaryCodingError: \(error)")
            return true
        }
    }

    @Test func aLengthClaimingTwoToTheSixtyBytesIsRefusedFromTheHeader() throws {
        let huge = Wire.varint(1 << 60)
        for (tag, type) in [(UInt8(0x06), "string"), (0x07, "bytes"), (0x08, "array"), (0x09, "map")] {
            let error = decodingError([String].self, [tag] + huge + [0x00], limits: .default)
            #expect(error?.code == .lengthOutOfBounds, "\(type)")
            #expect(error?.message.contains("1152921504606846976") == true, "\(type)")
        }
        let string = decodingError(String.self, [0x06] + huge)
        #expect(string?.code == .lengthOutOfBounds)
    }

    @Test func anElementCountClaimingTwoToTheSixtyIsRefusedBeforeAllocating() throws {
        let body = Wire.varint(1 << 60) + [0x00, 0x00]
        let array = [0x08] + Wire.varint(UInt64(body.count)) + body
        #expect(decodingError([Int?].self, array)?.code == .limitExceeded)
        let unlimited = DecodingLimits(maxCollectionCount: .max)
        #expect(decodingError([Int?].self, array, limits: unlimited)?.code == .lengthOutOfBounds)
        let map = [0x09] + Wire.varint(UInt64(body.count)) + body
        #expect(decodingError([String: Int].self, map, limits: unlimited)?.code == .lengthOutOfBounds)
    }

    @Test func nestingTenThousandDeepIsRefusedAtTheDepthLimit() throws {
        let deep = Self.nestedArrays(depth: 10_000)
        let error = decodingError(NestedArray.self, deep)
        #expect(error?.code == .limitExceeded)
        #expect(error?.codingPath.count == 64)
    }

    @Test func nestingTenThousandDeepInAnUnknownFieldIsSkipped() throws {
        struct Holder: Codable, Equatable { var name: String }
        let bytes = Wire.map([Wire.key("deep") + Self.nestedArrays(depth: 10_000), Wire.key("name") + Wire.string("ok")])
        #expect(try decoded(Holder.self, bytes) == Holder(name: "ok"))
    }

    @Test func deeplyNestedMapsAreRefusedAtTheDepthLimit() throws {
        #expect(decodingError(NestedMap.self, Self.nestedMaps(depth: 10_000))?.code == .limitExceeded)
        #expect(try decoded(NestedMap.self, Self.nestedMaps(depth: 64)).depth == 64)
    }

    @Test(arguments: [
        ("C3 28", "a two-byte sequence with a bad continuation"),
        ("FF", "a byte that never occurs"),
        ("C0 80", "an overlong encoding of NUL"),
        ("ED A0 80", "a UTF-16 surrogate"),
        ("F4 90 80 80", "a code point above U+10FFFF"),
        ("41 E2 82", "a sequence cut off at the end"),
        ("80", "a lone continuation byte"),
    ])
    func invalidUTF8IsRefusedInStrings(hex: String, what: String) throws {
        let utf8 = Hex.bytes(hex)
        let error = decodingError(String.self, [0x06] + Wire.varint(UInt64(utf8.count)) + utf8)
        #expect(error?.code == .invalidUTF8, "\(what)")
    }

    @Test func invalidUTF8IsRefusedInMapKeysEvenIfNoOneAsksForThem() throws {
        let bytes = Wire.map([[0x02, 0xC3, 0x28] + Wire.int(1)])
        #expect(decodingError(AnyMap.self, bytes)?.code == .invalidUTF8)
    }

    @Test func validMultiByteUTF8IsAccepted() throws {
        for text in ["å", "€", "𝄞", "Ärende 2022/9-2.2.0.1 – justerat ✓", "\u{10FFFF}", "\u{7FF}\u{800}\u{FFFF}\u{10000}"] {
            #expect(try roundTripped(text) == text)
        }
    }

    @Test func nonMinimalVarintsAreRefused() throws {
        #expect(decodingError(Int.self, Hex.bytes("03 80 00"))?.code == .invalidVarint)
        #expect(decodingError(UInt.self, Hex.bytes("04 FF 80 00"))?.code == .invalidVarint)
        #expect(decodingError(String.self, Hex.bytes("06 81 00 41"))?.code == .invalidVarint)
        #expect(decodingError([Int].self, Hex.bytes("08 83 00 01 03 02"))?.code == .invalidVarint)
    }

    @Test func varintsLongerThanSixtyFourBitsAreRefused() throws {
        #expect(decodingError(UInt64.self, Hex.bytes("04 FF FF FF FF FF FF FF FF FF 02"))?.code == .invalidVarint)
        #expect(decodingError(UInt64.self, Hex.bytes("04 FF FF FF FF FF FF FF FF FF 81 00"))?.code == .invalidVarint)
        #expect(try decoded(UInt64.self, Hex.bytes("04 FF FF FF FF FF FF FF FF FF 01")) == .max)
    }

    @Test func bytesAfterTheTopLevelValueAreAnError() throws {
        let error = decodingError(CommitteeMemberList.self, Self.bytes + [0x00])
        #expect(error?.code == .trailingBytes)
        #expect(error?.byteOffset == Self.bytes.count)
        #expect(decodingError(Int.self, Hex.bytes("03 02 03 02"))?.code == .trailingBytes)
    }

    @Test func anEmptyInputIsTruncated() throws {
        #expect(decodingError(Int.self, [])?.code == .truncated)
        #expect(decodingError(CommitteeMemberList.self, [])?.code == .truncated)
    }

    @Test func aWrongTagForTheRequestedTypeNamesBothAndThePath() throws {
        struct Party: Codable { var name: String; var population: Int }
        let bytes = Wire.map([Wire.key("name") + Wire.int(5), Wire.key("population") + Wire.int(1)])
        let error = decodingError(Party.self, bytes)
        #expect(error?.code == .typeMismatch)
        #expect(error?.codingPath == [.key("name")])
        #expect(error?.message == "expected a string (0x06), found signed integer (0x03)")
        #expect(decodingError(Bool.self, Wire.int(1))?.code == .typeMismatch)
        #expect(decodingError([UInt8].self, Wire.string("abc"))?.code == .typeMismatch)
        #expect(decodingError(String.self, [0x07, 0x01, 0x41])?.code == .typeMismatch)
        #expect(decodingError([Int].self, Wire.map([]))?.code == .typeMismatch)
        #expect(decodingError(Party.self, Wire.array([]))?.code == .typeMismatch)
    }

    @Test func nilWhereAValueIsRequiredIsValueNotFound() throws {
        struct Party: Codable { var name: String }
        let error = decodingError(Party.self, Wire.map([Wire.key("name") + [0x00]]))
        #expect(error?.code == .valueNotFound)
        #expect(decodingError(Int.self, [0x00])?.code == .valueNotFound)
    }

    @Test func anUnknownTagIsInvalidTag() throws {
        #expect(decodingError(Int.self, [0x0C])?.code == .invalidTag)
        #expect(decodingError([Int].self, Wire.array([[0xFF]]))?.code == .invalidTag)
    }

    @Test("0x0A (once a date) and 0x0B (once a UUID) are refused like any unknown tag, read or skipped")
    func theRetiredDateAndUUIDTagsAreInvalidTags() throws {
        let date = [0x0A] + [UInt8](repeating: 0, count: 8)
        let uuid = [0x0B] + [UInt8](repeating: 1, count: 16)
        for value in [date, uuid] {
            #expect(decodingError(Double.self, value)?.code == .invalidTag)
            #expect(decodingError(String.self, value)?.code == .invalidTag)
            #expect(decodingError([Int].self, Wire.array([value]))?.code == .invalidTag)
            // As the value of an unknown key, which a reader otherwise skips unexamined: the map's
            // index still measures every value, so the bad tag is found.
            struct Party: Codable { var name: String }
            let map = Wire.map([Wire.key("name") + Wire.string("Boden"), Wire.key("future") + value])
            let error = decodingError(Party.self, map)
            #expect(error?.code == .invalidTag)
            #expect(error?.message.contains("0x00–0x09") == true)
        }
    }

    @Test func integersThatDoNotFitAreNumberOutOfRange() throws {
        let error = decodingError(UInt8.self, Wire.int(300))
        #expect(error?.code == .numberOutOfRange)
        #expect(error?.message == "300 is outside the range 0…255")
        #expect(error?.offendingValue == "300")
        #expect(decodingError(UInt.self, Wire.int(-1))?.code == .numberOutOfRange)
        #expect(decodingError(Int64.self, try encoded(UInt64.max))?.code == .numberOutOfRange)
        #expect(decodingError(Float.self, try encoded(1e300))?.code == .numberOutOfRange)
    }

    @Test func duplicateKeysInAStructMapAreRefused() throws {
        struct Party: Codable { var name: String }
        let bytes = Wire.map([Wire.key("name") + Wire.string("a"), Wire.key("name") + Wire.string("b")])
        #expect(decodingError(Party.self, bytes)?.code == .duplicateKey)
    }

    @Test func duplicateKeysAmongManyCollidingKeysAreFoundInNLogN() throws {
        // 20 000 distinct keys that share length, first, middle and last byte (the fingerprint),
        // then a duplicate: must be found, and quickly.
        var entries = (0..<20_000).map { number -> [UInt8] in
            Wire.key("k" + String(format: "%05d", number) + "k") + [0x00]
        }
        #expect((try? decoded(AnyMap.self, Wire.map(entries))) != nil)
        entries.append(entries[12_345])
        let start = ContinuousClock.now
        #expect(decodingError(AnyMap.self, Wire.map(entries))?.code == .duplicateKey)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func duplicateKeysInADictionaryAreRefused() throws {
        let bytes = Wire.map([Wire.key("a") + Wire.int(1), Wire.key("a") + Wire.int(2)])
        #expect(decodingError([String: Int].self, bytes)?.code == .duplicateKey)
        let intKeys = Wire.map([Wire.key("7") + Wire.int(1), Wire.key("7") + Wire.int(2)])
        #expect(decodingError([Int: Int].self, intKeys)?.code == .duplicateKey)
    }

    @Test func countsThatDisagreeWithTheBodyAreRefused() throws {
        // An array that claims 3 elements but holds 2 in its byte count.
        let short = [0x08, 0x05, 0x03] + Wire.int(1) + Wire.int(2)
        #expect(decodingError([Int].self, short) != nil)
        // An array whose elements end before its byte count does.
        let long = [0x08, 0x06, 0x02] + Wire.int(1) + Wire.int(2) + [0x00]
        #expect(decodingError([Int].self, long)?.code == .lengthOutOfBounds)
        // A map whose entries end before its byte count does.
        struct Party: Codable { var name: String }
        let map = [0x09, 0x0A, 0x01] + Wire.key("name") + Wire.string("a") + [0x00]
        #expect(decodingError(Party.self, map)?.code == .lengthOutOfBounds)
        // An empty array with a body.
        #expect(decodingError([Int].self, [0x08, 0x02, 0x00, 0x00])?.code == .lengthOutOfBounds)
    }

    @Test func nonCanonicalIntegerDictionaryKeysAreRefused() throws {
        for key in ["007", "+5", "-0", "1e3", " 1", ""] {
            let bytes = Wire.map([Wire.key(key) + Wire.int(1)])
            #expect(decodingError([Int: Int].self, bytes)?.code == .invalidValue, "\(key)")
        }
    }

    @Test func anUnknownEnumCaseIsAnInvalidValueWithItsPath() throws {
        let bytes = Wire.map([Wire.key("id") + Wire.string("p-0001")]
            + [Wire.key("givenName") + Wire.string("A"), Wire.key("familyName") + Wire.string("B"),
               Wire.key("politicalParty") + Wire.string("S"), Wire.key("partyName") + Wire.string("Boden"),
               Wire.key("role") + Wire.string("kung"), Wire.key("appointedFrom") + Wire.string("2023-01-01"),
               Wire.key("seat") + Wire.int(1)])
        let error = decodingError(CommitteeMember.self, bytes)
        #expect(error?.code == .invalidValue)
        #expect(error?.codingPath == [.key("role")])
        // The value itself, for the message a client sees; no Swift type name in the message.
        #expect(error?.offendingValue == "kung")
        #expect(error?.message == "not one of the accepted values")
        #expect(error?.byteOffset != nil)
    }

    @Test func errorsDeepInsideNameTheirFullPath() throws {
        var list = CommitteeMemberList.norrbotten(memberCount: 5)
        list.members[3].givenName = "MARKER"
        var bytes = try encoded(list)
        let marker = Array("MARKER".utf8)
        let index = (0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker }!
        bytes[index - 2] = 0x03  // the string's tag becomes a signed-integer tag
        bytes[index - 1] = 0x00  // ... of value 0; then "MARKER" is read as garbage
        let error = decodingError(CommitteeMemberList.self, bytes)
        #expect(error != nil)
        #expect(error?.codingPathDescription.hasPrefix("members[3]") == true, "\(String(describing: error))")
    }

    /// `depth` arrays nested in one another, the innermost empty.
    static func nestedArrays(depth: Int) -> [UInt8] {
        nested(depth: depth, innermost: [0x08, 0x01, 0x00]) { [0x08] + Wire.varint(UInt64($0 + 1)) + [0x01] }
    }

    /// `depth` one-entry maps ("child") nested in one another, the innermost empty.
    static func nestedMaps(depth: Int) -> [UInt8] {
        let key = Wire.key("child")
        return nested(depth: depth, innermost: Wire.map([])) { [0x09] + Wire.varint(UInt64($0 + 1 + key.count)) + [0x01] + key }
    }

    /// Wraps `innermost` in `depth - 1` headers, each made by `header` from the length of what it
    /// wraps; built outside-in in linear time.
    private static func nested(depth: Int, innermost: [UInt8], header: (Int) -> [UInt8]) -> [UInt8] {
        var headers: [[UInt8]] = []
        var length = innermost.count
        for _ in 1..<depth {
            let next = header(length)
            headers.append(next)
            length += next.count
        }
        return headers.reversed().flatMap { $0 } + innermost
    }
}

/// An array of itself, to any depth.
struct NestedArray: Codable {
    var children: [NestedArray]

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var children: [NestedArray] = []
        while !container.isAtEnd { children.append(try container.decode(NestedArray.self)) }
        self.children = children
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(contentsOf: children)
    }
}

/// A map holding itself, to any depth.
final class NestedMap: Codable {
    var child: NestedMap?

    /// How many maps deep this one goes, itself included.
    var depth: Int { 1 + (child?.depth ?? 0) }
}

/// Any map at all: opens a keyed container (so the map is checked) and reads nothing.
struct AnyMap: Decodable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: Key.self)
    }
}
