import Foundation
import KansliCoding
import Testing
import KansliTestSupport

/// Equal values give equal bytes, whatever the history of the value.
@Suite struct DeterminismTests {
    @Test func theSameDictionaryBuiltInDifferentOrdersEncodesTheSame() throws {
        var generator = SeededGenerator(seed: 2022)
        let pairs = (0..<300).map { ("party-\($0)", $0 * 7) }
        var orders: [[UInt8]] = []
        var iterationOrders: Set<[String]> = []
        for capacity in [0, 64, 1_000, 5_000] {
            var dictionary = [String: Int](minimumCapacity: capacity)
            for (key, value) in pairs.shuffled(using: &generator) { dictionary[key] = value }
            iterationOrders.insert(Array(dictionary.keys))
            orders.append(try encoded(dictionary))
        }
        // The dictionaries iterate in different orders, yet encode identically.
        #expect(iterationOrders.count > 1)
        #expect(Set(orders).count == 1)
    }

    @Test func dictionariesWithRemovedAndReinsertedKeysEncodeTheSame() throws {
        var grown: [Int: String] = [:]
        for number in 0..<500 { grown[number] = "n\(number)" }
        for number in 100..<400 { grown[number] = nil }
        var direct: [Int: String] = [:]
        for number in Array(0..<100) + Array(400..<500) { direct[number] = "n\(number)" }
        #expect(grown == direct)
        #expect(try encoded(grown) == encoded(direct))
    }

    @Test func decodingAndReencodingGivesTheSameBytes() throws {
        let list = CommitteeMemberList.norrbotten(memberCount: 60)
        let bytes = try encoded(list)
        let again = try encoded(try decoded(CommitteeMemberList.self, bytes))
        #expect(again == bytes)
        let everything = try encoded(RoundTripTests.Everything())
        #expect(try encoded(try decoded(RoundTripTests.Everything.self, everything)) == everything)
    }

    @Test func encodingTheSameValueTwiceGivesTheSameBytes() throws {
        let list = CommitteeMemberList.norrbotten(memberCount: 30)
        #expect(try encoded(list) == encoded(list))
    }

    @Test func stringKeysSortByTheirUTF8BytesWithPrefixesFirst() throws {
        let dictionary = ["b": 1, "é": 2, "ab": 3, "": 4, "a": 5, "z": 6, "B": 7]
        let bytes = try encoded(dictionary)
        // Read the keys back in wire order.
        var keys: [String] = []
        var position = 3  // tag, one-byte byte count, one-byte entry count
        while position < bytes.count {
            let length = Int(bytes[position])
            keys.append(String(decoding: bytes[(position + 1)..<(position + 1 + length)], as: UTF8.self))
            position += 1 + length + 2  // each value is a one-byte-payload integer
        }
        #expect(keys == ["", "B", "a", "ab", "b", "z", "é"])
    }

    @Test func intKeysSortByTheBytesOfTheirDecimalForm() throws {
        let bytes = try encoded([10: 0, 9: 0, -1: 0, 0: 0, 100: 0])
        let expected = Wire.map(["-1", "0", "10", "100", "9"].map { Wire.key($0) + Wire.int(0) })
        #expect(bytes == expected)
    }

    @Test func canonicallyEquivalentButDifferentStringsEncodeDifferently() throws {
        // Documented: the coder writes the scalars it is given and does not normalise.
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        #expect(precomposed == decomposed)
        #expect(try encoded(precomposed) != encoded(decomposed))
    }
}
