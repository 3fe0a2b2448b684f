import Foundation
import KansliCoding
import Testing
import KansliTestSupport

/// A member of a committee, as the registry sends it (the same shape as the benchmark's).
struct CommitteeMember: Codable, Equatable {
    enum Role: String, Codable {
        case ledamot, ersattare, ordforande, viceOrdforande
    }

    var id: String
    var givenName: String
    var familyName: String
    var politicalParty: String
    var partyName: String
    var role: Role
    /// A calendar date, `yyyy-MM-dd`, as messages carry dates (`CalendarDate`).
    var appointedFrom: String
    var appointedUntil: String?
    var email: String?
    var substituteFor: String?
    var seat: Int
}

/// A committee with its members: the realistic message of the malformed-input tests.
struct CommitteeMemberList: Codable, Equatable {
    var committeeID: String
    var committeeName: String
    var term: String
    var members: [CommitteeMember]
    var seatsByParty: [String: Int]
    var tags: [String]
    /// A signature over the list, as the documents service will carry them: bytes (0x07).
    var seal: [UInt8]

    /// Norrbottens e-nämnd (seed 002) with `memberCount` members spread over its 14 municipalities.
    static func norrbotten(memberCount: Int) -> Self {
        let municipalities = ["Luleå", "Boden", "Piteå", "Kiruna", "Gällivare", "Älvsbyn", "Haparanda", "Kalix",
                              "Överkalix", "Övertorneå", "Pajala", "Jokkmokk", "Arjeplog", "Arvidsjaur"]
        let people = [("Carina", "Sammeli", "S"), ("Isak", "Utsi", "S"), ("Lena", "Goldkuhl", "S"),
                      ("Johan", "Johansson", "MP"), ("Åsa", "Öhman", "C"), ("Per", "Lindström", "M"),
                      ("Britt-Marie", "Björklund", "V"), ("Örjan", "Pekkari", "KD")]
        var members: [CommitteeMember] = []
        for index in 0..<memberCount {
            let (given, family, party) = people[index % people.count]
            members.append(CommitteeMember(
                id: TestID.make(index + 1), givenName: given, familyName: family, politicalParty: party,
                partyName: municipalities[(index / 2) % municipalities.count] + "s kommun",
                role: index == 0 ? .ordforande : (index % 2 == 1 ? .ersattare : .ledamot),
                appointedFrom: "2023-01-\(index % 28 < 9 ? "0" : "")\(index % 28 + 1)",
                appointedUntil: index % 3 == 0 ? nil : "2026-12-31",
                email: index % 4 == 3 ? nil : "\(given).\(family)@example.se".lowercased(),
                substituteFor: index % 2 == 1 ? TestID.make(index) : nil,
                seat: index + 1))
        }
        var seats: [String: Int] = [:]
        for member in members { seats[member.politicalParty, default: 0] += 1 }
        return Self(committeeID: "NBE", committeeName: "Norrbottens e-nämnd", term: "2023–2026",
                    members: members, seatsByParty: seats, tags: ["e-förvaltning", "gemensam nämnd", "norrbotten"],
                    seal: (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
    }
}

/// Deterministic person ids for fixtures, in the registry's style (`p-0042`).
enum TestID {
    static func make(_ number: Int) -> String {
        let digits = String(number)
        return "p-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// Hex helpers for expected wire bytes.
enum Hex {
    /// `"09 23 03"` → `[0x09, 0x23, 0x03]`; spaces and newlines are ignored.
    static func bytes(_ text: String) -> [UInt8] {
        let digits = text.filter { !$0.isWhitespace }
        var result: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            result.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    /// `[0x09, 0x23]` → `"09 23"`.
    static func string(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
    }
}

/// Encodes `value` with a fresh `BinaryEncoder`.
func encoded<T: Encodable>(_ value: T) throws -> [UInt8] {
    try BinaryEncoder().encode(value)
}

/// Decodes `bytes` as `T` with the given limits.
func decoded<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], limits: DecodingLimits = .default) throws -> T {
    try BinaryDecoder(limits: limits).decode(type, from: bytes)
}

/// Encodes and decodes `value`.
func roundTripped<T: Codable>(_ value: T) throws -> T {
    try decoded(T.self, try encoded(value))
}

/// The `BinaryCodingError` that decoding `bytes` as `T` throws; records an issue if it throws
/// something else or nothing.
func decodingError<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], limits: DecodingLimits = .default,
                                 sourceLocation: SourceLocation = #_sourceLocation) -> BinaryCodingError? {
    do {
        let value = try decoded(type, bytes, limits: limits)
        Issue.record("expected an error, decoded \(value)", sourceLocation: sourceLocation)
    } catch let error as BinaryCodingError {
        return error
    } catch {
        Issue.record("expected a BinaryCodingError, got \(Swift.type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The `BinaryCodingError` that encoding `value` throws; records an issue if it throws something
/// else or nothing.
func encodingError<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) -> BinaryCodingError? {
    do {
        let bytes = try encoded(value)
        Issue.record("expected an error, encoded \(bytes.count) bytes", sourceLocation: sourceLocation)
    } catch let error as BinaryCodingError {
        return error
    } catch {
        Issue.record("expected a BinaryCodingError, got \(Swift.type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Wire-building helpers for hand-made (often malformed) inputs.
enum Wire {
    /// The minimal varint of `value`.
    static func varint(_ value: UInt64) -> [UInt8] {
        var rest = value
        var result: [UInt8] = []
        while rest >= 0x80 {
            result.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        result.append(UInt8(rest))
        return result
    }

    /// A string value.
    static func string(_ text: String) -> [UInt8] {
        [0x06] + varint(UInt64(text.utf8.count)) + Array(text.utf8)
    }

    /// A map key (no tag).
    static func key(_ text: String) -> [UInt8] {
        varint(UInt64(text.utf8.count)) + Array(text.utf8)
    }

    /// A map of already-encoded entries (key bytes + value bytes each).
    static func map(_ entries: [[UInt8]]) -> [UInt8] {
        let body = varint(UInt64(entries.count)) + entries.flatMap { $0 }
        return [0x09] + varint(UInt64(body.count)) + body
    }

    /// An array of already-encoded elements.
    static func array(_ elements: [[UInt8]]) -> [UInt8] {
        let body = varint(UInt64(elements.count)) + elements.flatMap { $0 }
        return [0x08] + varint(UInt64(body.count)) + body
    }

    /// A signed integer value.
    static func int(_ value: Int64) -> [UInt8] {
        [0x03] + varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }
}
