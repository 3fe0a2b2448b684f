// Benchmark of the binary Codable coder (KansliCoding) against Foundation's JSON coder and a
// hand-written positional serializer, on a realistic message: a committee's member list of 100
// members (Norrbottens e-nämnd, seed 002, scaled up).
//
// Run: swift build -c release && .build/release/kansli-bench   (the lead's main.swift calls
// `runCoderBenchmark(iterations:)`). Goals: binary encode+decode ≥ 6× faster than JSON and smaller;
// within 2× of the hand-written serializer.
//
// A fourth line, "Codable floor", runs the same types through an Encoder and a Decoder that read
// and write nothing (no bytes, no parsing, empty strings): the cost of Swift's Codable machinery
// alone for this message (keyed-container boxes, generic metadata look-ups, dynamic dispatch). No
// Codable coder can be faster than it; it bounds how close any of them can come to hand-written.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import KansliCoding

/// Times encode and decode of the 100-member list with the binary coder, JSON and a hand-written
/// serializer, `iterations` times each (best time kept), and prints times, sizes and ratios.
func runCoderBenchmark(iterations: Int) {
    let list = CoderBenchMemberList.sample(memberCount: 100)
    let rounds = max(iterations, 1)
    do {
        let binaryEncoder = BinaryEncoder()
        let binaryDecoder = BinaryDecoder()
        let jsonEncoder = JSONEncoder()
        let jsonDecoder = JSONDecoder()

        // Correctness first: every coder must give back the same list.
        let binaryBytes = try binaryEncoder.encode(list)
        let jsonBytes = try jsonEncoder.encode(list)
        let handBytes = CoderBenchHandWritten.encode(list)
        guard try binaryDecoder.decode(CoderBenchMemberList.self, from: binaryBytes) == list,
              try jsonDecoder.decode(CoderBenchMemberList.self, from: jsonBytes) == list,
              try CoderBenchHandWritten.decode(handBytes) == list
        else {
            print("coder benchmark: a coder did not round-trip the member list")
            return
        }

        var sink = 0
        let binary = try CoderBenchTiming.measure(rounds: rounds, sink: &sink,
            encode: { try binaryEncoder.encode(list).count },
            decode: { try binaryDecoder.decode(CoderBenchMemberList.self, from: binaryBytes).members.count })
        let json = try CoderBenchTiming.measure(rounds: rounds, sink: &sink,
            encode: { try jsonEncoder.encode(list).count },
            decode: { try jsonDecoder.decode(CoderBenchMemberList.self, from: jsonBytes).members.count })
        let hand = try CoderBenchTiming.measure(rounds: rounds, sink: &sink,
            encode: { CoderBenchHandWritten.encode(list).count },
            decode: { try CoderBenchHandWritten.decode(handBytes).members.count })
        let floor = try CoderBenchTiming.measure(rounds: rounds, sink: &sink,
            encode: { try CoderBenchNullCoder.encode(list) },
            decode: { try CoderBenchNullCoder.decode(CoderBenchMemberList.self, elementCount: list.members.count).members.count })

        func row(_ name: String, _ timing: CoderBenchTiming, _ size: Int) -> String {
            name.padding(toLength: 14, withPad: " ", startingAt: 0)
                + format(timing.encode, 11) + format(timing.decode, 11) + format(timing.total, 11)
                + String(size).leftPadded(9)
        }
        print("coder benchmark: \(list.members.count) members, best of \(rounds) (µs per message)")
        print("coder          " + "encode".leftPadded(10) + "decode".leftPadded(11) + "total".leftPadded(11) + "bytes".leftPadded(9))
        print(row("binary", binary, binaryBytes.count))
        print(row("JSON", json, jsonBytes.count))
        print(row("hand-written", hand, handBytes.count))
        print(row("Codable floor", floor, 0))
        let jsonRatio = json.total / binary.total
        let handRatio = binary.total / hand.total
        print("JSON ÷ binary, encode+decode:         " + format(jsonRatio, 6, digits: 2) + "×  (goal ≥ 6)")
        print("binary ÷ hand-written, encode+decode: " + format(handRatio, 6, digits: 2) + "×  (goal ≤ 2)")
        print("binary size ÷ JSON size:              " + format(Double(binaryBytes.count) / Double(jsonBytes.count), 6, digits: 2)
              + "   (goal < 1)")
        print("Codable floor ÷ hand-written:         " + format(floor.total / hand.total, 6, digits: 2)
              + "×  (no Codable coder can do better)")
        print("binary ÷ Codable floor:               " + format(binary.total / floor.total, 6, digits: 2) + "×")
        if sink == 42 { print("") }  // keeps the results alive
    } catch {
        print("coder benchmark failed: \(error)")
    }
}

/// A signed document as the documents service will carry it: a name, a signature, and the document's
/// bytes, here 4 MiB (the frame limit's order of size).
private struct CoderBenchDocument: Codable, Equatable {
    var name: String
    var signature: [UInt8]
    var content: [UInt8]
}

/// Times encode and decode of a message holding 4 MiB of `[UInt8]` against one plain `memcpy` of the
/// same bytes into a new array (what any decoder must at least do), best of `iterations`, and prints
/// the ratios. The coder copies a bytes value in bulk, so both should stay within a few memcpys.
func runCoderBytesBenchmark(iterations: Int, byteCount: Int = 4 << 20) {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let content = (0..<byteCount).map { _ -> UInt8 in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
    }
    let document = CoderBenchDocument(name: "protokoll-2022-06-22.pdf", signature: [UInt8](repeating: 0xA5, count: 64),
                                      content: content)
    let rounds = max(iterations, 1)
    do {
        let encoder = BinaryEncoder()
        let decoder = BinaryDecoder()
        let bytes = try encoder.encode(document)
        guard try decoder.decode(CoderBenchDocument.self, from: bytes) == document else {
            print("coder bytes benchmark: the document did not round-trip")
            return
        }
        var sink = 0
        let coder = try CoderBenchTiming.measure(rounds: rounds, sink: &sink,
            encode: { try encoder.encode(document).count },
            decode: { try decoder.decode(CoderBenchDocument.self, from: bytes).content.count })
        let copy = CoderBenchTiming.measure(rounds: rounds, sink: &sink,
            encode: { copiedWithMemcpy(content).count },
            decode: { copiedWithMemcpy(content).count })
        print("coder bytes benchmark: a \(byteCount >> 10) KiB [UInt8] message, best of \(rounds) (µs)")
        print("memcpy into a new array:  " + format(copy.encode, 9))
        print("binary encode:            " + format(coder.encode, 9) + "   ÷ memcpy " + format(coder.encode / copy.encode, 5, digits: 2) + "×")
        print("binary decode:            " + format(coder.decode, 9) + "   ÷ memcpy " + format(coder.decode / copy.encode, 5, digits: 2) + "×")
        if sink == 42 { print("") }  // keeps the results alive
    } catch {
        print("coder bytes benchmark failed: \(error)")
    }
}

/// A new array holding `bytes`, made with one `memcpy`.
@inline(never)
private func copiedWithMemcpy(_ bytes: [UInt8]) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
        bytes.withUnsafeBytes { source in
            if let destination = buffer.baseAddress, let from = source.baseAddress {
                memcpy(destination, from, source.count)
            }
        }
        initialized = bytes.count
    }
}

/// `value` with `digits` decimals, right-aligned in `width` characters.
private func format(_ value: Double, _ width: Int, digits: Int = 1) -> String {
    let scale = pow(10.0, Double(digits))
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    }
    return text.leftPadded(width)
}

extension String {
    /// The string right-aligned in `width` characters.
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Best-of-N times of one coder, in microseconds per message.
private struct CoderBenchTiming {
    var encode: Double
    var decode: Double
    var total: Double

    /// Runs `encode` and `decode` `rounds` times each, interleaved, keeping the best time of each
    /// and of the pair.
    static func measure(rounds: Int, sink: inout Int, encode: () throws -> Int, decode: () throws -> Int) rethrows -> Self {
        var bestEncode = Double.infinity, bestDecode = Double.infinity, bestTotal = Double.infinity
        for _ in 0..<rounds {
            let start = now()
            sink &+= try encode()
            let middle = now()
            sink &+= try decode()
            let end = now()
            bestEncode = min(bestEncode, middle - start)
            bestDecode = min(bestDecode, end - middle)
            bestTotal = min(bestTotal, end - start)
        }
        return Self(encode: bestEncode, decode: bestDecode, total: bestTotal)
    }

    /// A monotonic clock in microseconds.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1_000_000 + Double(time.tv_nsec) / 1_000
    }
}

/// A member of a committee as the registry would send it: about ten fields, some optional.
private struct CoderBenchMember: Codable, Equatable {
    /// Ledamot, ersättare, or one of the presidium roles.
    enum Role: String, Codable {
        case ledamot, ersattare, ordforande, viceOrdforande
    }

    /// The registry's id of the person, e.g. `p-0001`.
    var id: String
    var givenName: String
    var familyName: String
    /// S, M, C, V, KD, MP, L, SD.
    var politicalParty: String
    /// The municipality (party of the committee) that appointed the member.
    var partyName: String
    var role: Role
    /// A calendar date, `yyyy-MM-dd`, as messages carry dates (`CalendarDate`).
    var appointedFrom: String
    var appointedUntil: String?
    var email: String?
    /// For an ersättare: the ledamot they stand in for.
    var substituteFor: String?
    var seat: Int
    /// Committee roles held (as `CompositionMember.roles`): an array inside every member.
    var roles: [String]
}

/// The message: a committee and its members.
private struct CoderBenchMemberList: Codable, Equatable {
    var committeeID: String
    var committeeName: String
    var term: String
    var members: [CoderBenchMember]

    /// A deterministic list with `memberCount` members spread over Norrbotten's 14 municipalities.
    static func sample(memberCount: Int) -> Self {
        let municipalities = ["Luleå", "Boden", "Piteå", "Kiruna", "Gällivare", "Älvsbyn", "Haparanda", "Kalix",
                              "Överkalix", "Övertorneå", "Pajala", "Jokkmokk", "Arjeplog", "Arvidsjaur"]
        let givenNames = ["Carina", "Isak", "Lena", "Johan", "Anna-Karin", "Per", "Åsa", "Mikael", "Britt-Marie",
                          "Göran", "Ingrid", "Tomas", "Sofia", "Örjan", "Maria", "Henrik"]
        let familyNames = ["Sammeli", "Utsi", "Goldkuhl", "Johansson", "Lindström", "Nilsson", "Öhman", "Björklund",
                           "Eriksson", "Lundqvist", "Pekkari", "Wikström", "Forsberg", "Strömbäck"]
        let parties = ["S", "M", "C", "V", "KD", "MP", "L", "SD"]
        let termEnd = "2026-12-31"
        var members: [CoderBenchMember] = []
        for index in 0..<memberCount {
            let isSubstitute = index % 2 == 1
            let role: CoderBenchMember.Role = index == 0 ? .ordforande : index == 2 ? .viceOrdforande
                : isSubstitute ? .ersattare : .ledamot
            let given = givenNames[index % givenNames.count]
            let family = familyNames[(index * 7) % familyNames.count]
            members.append(CoderBenchMember(
                id: personID(index + 1),
                givenName: given,
                familyName: family,
                politicalParty: parties[(index * 3) % parties.count],
                partyName: municipalities[(index / 2) % municipalities.count] + "s kommun",
                role: role,
                appointedFrom: "2023-01-0\(1 + index % 5)",
                appointedUntil: index % 3 == 0 ? nil : termEnd,
                email: index % 4 == 3 ? nil : "\(given).\(family)@norrbotten.example.se".lowercased(),
                substituteFor: isSubstitute ? personID(index) : nil,
                seat: index + 1,
                roles: index < 3 ? ["presidium", "arvodesgrupp-\(index + 1)"] : []))
        }
        return Self(committeeID: "NBE", committeeName: "Norrbottens e-nämnd", term: "2023–2026", members: members)
    }

    /// A person id in the registry's style, `p-0042`.
    private static func personID(_ number: Int) -> String {
        let digits = String(number)
        return "p-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// A hand-written serializer for the member list, as one would write it for this one message:
/// fields in a fixed order, no tags, no keys; varint lengths; a presence byte before optionals.
private enum CoderBenchHandWritten {
    /// The error of a message that ends early or holds an impossible value.
    struct Malformed: Error {}

    static func encode(_ list: CoderBenchMemberList) -> [UInt8] {
        var writer = Writer()
        writer.bytes.reserveCapacity(512)
        writer.string(list.committeeID)
        writer.string(list.committeeName)
        writer.string(list.term)
        writer.varint(UInt64(list.members.count))
        for member in list.members {
            writer.string(member.id)
            writer.string(member.givenName)
            writer.string(member.familyName)
            writer.string(member.politicalParty)
            writer.string(member.partyName)
            writer.string(member.role.rawValue)
            writer.string(member.appointedFrom)
            writer.optional(member.appointedUntil) { $0.string($1) }
            writer.optional(member.email) { $0.string($1) }
            writer.optional(member.substituteFor) { $0.string($1) }
            writer.varint(UInt64(member.seat))
            writer.varint(UInt64(member.roles.count))
            for role in member.roles { writer.string(role) }
        }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> CoderBenchMemberList {
        var reader = Reader(bytes: bytes)
        let committeeID = try reader.string()
        let committeeName = try reader.string()
        let term = try reader.string()
        let count = Int(try reader.varint())
        guard count <= bytes.count else { throw Malformed() }
        var members: [CoderBenchMember] = []
        members.reserveCapacity(count)
        for _ in 0..<count {
            let id = try reader.string()
            let givenName = try reader.string()
            let familyName = try reader.string()
            let politicalParty = try reader.string()
            let partyName = try reader.string()
            guard let role = CoderBenchMember.Role(rawValue: try reader.string()) else { throw Malformed() }
            let appointedFrom = try reader.string()
            let appointedUntil = try reader.optional { try $0.string() }
            let email = try reader.optional { try $0.string() }
            let substituteFor = try reader.optional { try $0.string() }
            let seat = Int(try reader.varint())
            let roleCount = Int(try reader.varint())
            guard roleCount <= bytes.count else { throw Malformed() }
            var roles: [String] = []
            for _ in 0..<roleCount { roles.append(try reader.string()) }
            members.append(CoderBenchMember(
                id: id, givenName: givenName, familyName: familyName, politicalParty: politicalParty,
                partyName: partyName, role: role, appointedFrom: appointedFrom, appointedUntil: appointedUntil,
                email: email, substituteFor: substituteFor, seat: seat, roles: roles))
        }
        guard reader.index == bytes.count else { throw Malformed() }
        return CoderBenchMemberList(committeeID: committeeID, committeeName: committeeName, term: term, members: members)
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func varint(_ value: UInt64) {
            var rest = value
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ value: String) {
            varint(UInt64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            if let value {
                bytes.append(1)
                write(&self, value)
            } else {
                bytes.append(0)
            }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func byte() throws -> UInt8 {
            guard index < bytes.count else { throw Malformed() }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = try byte()
                guard shift < 64 else { throw Malformed() }
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
        }

        mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count <= bytes.count - index else { throw Malformed() }
            defer { index += count }
            return bytes[index..<(index + count)]
        }

        mutating func string() throws -> String {
            let length = Int(try varint())
            guard length <= bytes.count else { throw Malformed() }
            return String(decoding: try take(length), as: UTF8.self)
        }

        mutating func optional<T>(_ read: (inout Reader) throws -> T) throws -> T? {
            switch try byte() {
            case 0: return nil
            case 1: return try read(&self)
            default: throw Malformed()
            }
        }
    }
}

/// An Encoder and a Decoder that read and write nothing: what Codable itself costs for a message.
/// Strings decode as "" (no allocation), the role enum as its first case's raw value, arrays as
/// `elementCount` elements. Only for the benchmark's types.
private enum CoderBenchNullCoder {
    static func encode<T: Encodable>(_ value: T) throws -> Int {
        let state = State(elementCount: 0)
        try value.encode(to: state)
        return state.counter
    }

    static func decode<T: Decodable>(_ type: T.Type, elementCount: Int) throws -> T {
        try T(from: State(elementCount: elementCount))
    }

    /// A value of `T` decoded from `decoder`.
    static func leaf<T: Decodable>(_ type: T.Type, _ decoder: State) throws -> T {
        try T(from: decoder)
    }

    final class State: Encoder, Decoder {
        var counter = 0
        /// The element count of the first array decoded (the members); later ones (roles) are empty.
        var elementCount: Int
        init(elementCount: Int) { self.elementCount = elementCount }
        /// The element count for the next array: `elementCount` once, then 0.
        func nextArrayCount() -> Int {
            defer { elementCount = 0 }
            return elementCount
        }
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedEncoder<Key>(state: self))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedEncoder(state: self) }
        func singleValueContainer() -> any SingleValueEncodingContainer { SingleEncoder(state: self) }
        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(KeyedDecoder<Key>(state: self))
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { UnkeyedDecoder(state: self, elementCount: nextArrayCount()) }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleDecoder(state: self) }
    }

    struct KeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: State
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { state.counter += 1 }
        mutating func encode(_ value: String, forKey key: Key) throws { state.counter += key.stringValue.utf8.count }
        mutating func encode(_ value: Int, forKey key: Key) throws { state.counter += key.stringValue.utf8.count }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            state.counter += key.stringValue.utf8.count
            try value.encode(to: state)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedEncoder<NestedKey>(state: state))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { UnkeyedEncoder(state: state) }
        mutating func superEncoder() -> any Encoder { state }
        mutating func superEncoder(forKey key: Key) -> any Encoder { state }
    }

    struct UnkeyedEncoder: UnkeyedEncodingContainer {
        let state: State
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil() throws { state.counter += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: state) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedEncoder<NestedKey>(state: state))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { state }
    }

    struct SingleEncoder: SingleValueEncodingContainer {
        let state: State
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws { state.counter += 1 }
        mutating func encode(_ value: String) throws { state.counter += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: state) }
    }

    struct KeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let state: State
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { state.counter += key.stringValue.utf8.count; return "" }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { state.counter += key.stringValue.utf8.count; return 1 }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            state.counter += key.stringValue.utf8.count
            return try leaf(T.self, state)
        }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decode(String.self, forKey: key) }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try decode(T.self, forKey: key) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(KeyedDecoder<NestedKey>(state: state))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            UnkeyedDecoder(state: state, elementCount: state.nextArrayCount())
        }
        func superDecoder() throws -> any Decoder { state }
        func superDecoder(forKey key: Key) throws -> any Decoder { state }
    }

    struct UnkeyedDecoder: UnkeyedDecodingContainer {
        let state: State
        var codingPath: [any CodingKey] { [] }
        let elementCount: Int
        var count: Int? { elementCount }
        var isAtEnd: Bool { currentIndex >= elementCount }
        var currentIndex = 0
        init(state: State, elementCount: Int) {
            self.state = state
            self.elementCount = elementCount
        }
        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try leaf(T.self, state)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(KeyedDecoder<NestedKey>(state: state))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            UnkeyedDecoder(state: state, elementCount: state.nextArrayCount())
        }
        mutating func superDecoder() throws -> any Decoder { state }
    }

    struct SingleDecoder: SingleValueDecodingContainer {
        let state: State
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode(_ type: String.Type) throws -> String { CoderBenchMember.Role.ledamot.rawValue }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try leaf(T.self, state) }
    }
}
