import Foundation
import KansliCoding
import Testing
import KansliTestSupport

/// Every supported kind of value decodes to what was encoded.
@Suite struct RoundTripTests {
    struct Everything: Codable, Equatable {
        var int = Int.min
        var int8 = Int8.min
        var int16 = Int16.max
        var int32 = Int32.min
        var int64 = Int64.max
        var uint = UInt.max
        var uint8 = UInt8.max
        var uint16 = UInt16.max
        var uint32 = UInt32.max
        var uint64 = UInt64.max
        var bool = true
        var float = Float.pi
        var double = -Double.greatestFiniteMagnitude
        var string = "Övertorneå – 🇸🇪"
        var emptyString = ""
        var bytes: [UInt8] = [9, 8, 7, 0, 0xFF]
        var noBytes: [UInt8] = []
        var optionalBytes: [UInt8]? = [1]
        var byteArrays: [[UInt8]] = [[], [0], [1, 2]]
        var optionalPresent: Int? = 5
        var optionalAbsent: String?
        var optionals: [Int?] = [1, nil, 3]
        var nested: [[String]] = [[], ["a"], ["b", "c"]]
        var byName: [String: Int] = ["Luleå": 79_000, "Boden": 28_000]
        var byNumber: [Int: String] = [-1: "minus one", 0: "zero", 2_022: "år"]
        var bytesByName: [String: [UInt8]] = ["signature": [0xED, 0x25], "key": []]
        var role = Role.member
        var shape = Shape.rectangle(width: 3, height: 4)
        var shapes: [Shape] = [.circle(radius: 1.5), .point, .labelled("x", 2)]

        enum Role: String, Codable, CaseIterable { case chair, member }

        enum Shape: Codable, Equatable {
            case circle(radius: Double)
            case rectangle(width: Int, height: Int)
            case labelled(String, Int)
            case point
        }
    }

    @Test func aValueOfEverySupportedKindRoundTrips() throws {
        let value = Everything()
        #expect(try roundTripped(value) == value)
    }

    @Test func theRealisticMemberListRoundTrips() throws {
        let list = CommitteeMemberList.norrbotten(memberCount: 100)
        #expect(try roundTripped(list) == list)
    }

    @Test func topLevelPrimitivesRoundTrip() throws {
        #expect(try roundTripped(42) == 42)
        #expect(try roundTripped("Piteå") == "Piteå")
        #expect(try roundTripped(Int?.none) == nil)
        #expect(try roundTripped(Int?.some(3)) == 3)
        #expect(try roundTripped([UInt8]()) == [])
        #expect(try roundTripped(["a": ["b": [1]]]) == ["a": ["b": [1]]])
    }

    @Test func floatingPointRoundTripsBitExactlyExceptNaNPayloads() throws {
        for value in [0.0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity, 0.1] {
            #expect(try roundTripped(value).bitPattern == value.bitPattern)
        }
        #expect(try roundTripped(Double.nan).isNaN)
        #expect(try roundTripped(Float(1e-45)) == Float(1e-45))
    }

    @Test func integersDecodeFromEitherIntegerTagWhenTheyFit() throws {
        #expect(try decoded(UInt8.self, Wire.int(200)) == 200)
        #expect(try decoded(Int8.self, Hex.bytes("04 7F")) == 127)
        #expect(try decoded(Int.self, try encoded(UInt64(Int64.max))) == Int.max)
        #expect(try decoded(UInt64.self, try encoded(Int64.max)) == UInt64(Int64.max))
    }

    @Test("a bytes value of 1 MiB round-trips, as one 0x07 value of its exact length")
    func largeBytesRoundTrip() throws {
        let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        let encoded = try BinaryEncoder().encode(bytes)
        #expect(encoded.count == 1 + 3 + bytes.count)
        #expect(encoded.prefix(4) == [0x07, 0x80, 0x80, 0x40])
        #expect(try decoded([UInt8].self, encoded) == bytes)
    }

    @Test func dictionariesWithManyEntriesRoundTrip() throws {
        var generator = SeededGenerator(seed: 11)
        var dictionary: [String: [Int]] = [:]
        for index in 0..<2_000 {
            dictionary["key-\(UInt32.random(in: 0...UInt32.max, using: &generator))"] = [index, -index]
        }
        let byNumber = Dictionary(uniqueKeysWithValues: (0..<1_000).map { _ in
            (Int.random(in: Int.min...Int.max, using: &generator), true)
        })
        #expect(try roundTripped(dictionary) == dictionary)
        #expect(try roundTripped(byNumber) == byNumber)
    }

    @Test func classHierarchiesWithSuperEncoderRoundTrip() throws {
        let manager = Manager(name: "Isak Utsi", reports: 3)
        let decoded = try roundTripped(manager)
        #expect(decoded.name == "Isak Utsi")
        #expect(decoded.reports == 3)
        #expect(try encoded(manager) == Wire.map([
            Wire.key("reports") + Wire.int(3),
            Wire.key("super") + Wire.map([Wire.key("name") + Wire.string("Isak Utsi")]),
        ]))
    }

    @Test func classHierarchiesSharingOneEncoderRoundTrip() throws {
        let secretary = Secretary(name: "Lena", office: "Luleå")
        let decoded = try roundTripped(secretary)
        #expect(decoded.name == "Lena")
        #expect(decoded.office == "Luleå")
        #expect(try encoded(secretary) == Wire.map([
            Wire.key("name") + Wire.string("Lena"), Wire.key("office") + Wire.string("Luleå"),
        ]))
    }

    @Test func userInfoReachesTheTypes() throws {
        var encoder = BinaryEncoder()
        encoder.userInfo[UserInfoProbe.key] = "encoding"
        var decoder = BinaryDecoder()
        decoder.userInfo[UserInfoProbe.key] = "decoding"
        let bytes = try encoder.encode(UserInfoProbe(seen: ""))
        #expect(try decoder.decode(UserInfoProbe.self, from: bytes).seen == "encoding+decoding")
    }

    @Test func decodingFromARawBufferMatchesDecodingFromAnArray() throws {
        let list = CommitteeMemberList.norrbotten(memberCount: 5)
        let bytes = try encoded(list)
        let fromBuffer = try bytes.withUnsafeBytes { try BinaryDecoder().decode(CommitteeMemberList.self, from: $0) }
        #expect(fromBuffer == list)
    }
}

/// A superclass encoded through `superEncoder()`.
class Employee: Codable {
    var name: String
    init(name: String) { self.name = name }
}

/// Nests its superclass under the key `super`.
final class Manager: Employee {
    var reports: Int

    init(name: String, reports: Int) {
        self.reports = reports
        super.init(name: name)
    }

    private enum CodingKeys: String, CodingKey { case reports }

    required init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reports = try container.decode(Int.self, forKey: .reports)
        try super.init(from: container.superDecoder())
    }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reports, forKey: .reports)
        try super.encode(to: container.superEncoder())
    }
}

/// Shares its encoder with its superclass: one map holds the fields of both.
final class Secretary: Employee {
    var office: String

    init(name: String, office: String) {
        self.office = office
        super.init(name: name)
    }

    private enum CodingKeys: String, CodingKey { case office }

    required init(from decoder: any Decoder) throws {
        office = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .office)
        try super.init(from: decoder)
    }

    override func encode(to encoder: any Encoder) throws {
        try super.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(office, forKey: .office)
    }
}

/// Records the user info it saw when it was encoded and decoded.
struct UserInfoProbe: Codable {
    static let key = CodingUserInfoKey(rawValue: "probe")!
    var seen: String

    init(seen: String) { self.seen = seen }

    init(from decoder: any Decoder) throws {
        let encoded = try decoder.singleValueContainer().decode(String.self)
        seen = encoded + "+" + (decoder.userInfo[Self.key] as? String ?? "?")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoder.userInfo[Self.key] as? String ?? "?")
    }
}
