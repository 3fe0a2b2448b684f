import Foundation
import KansliCoding
import Testing

/// Every bound of `DecodingLimits` holds exactly at its value.
@Suite struct DecodingLimitsTests {
    @Test func theDefaultsAreTheDocumentedOnes() {
        let limits = DecodingLimits.default
        #expect(limits.maxDepth == 64)
        #expect(limits.maxStringByteCount == 1 << 20)
        #expect(limits.maxCollectionCount == 1_000_000)
    }

    @Test func containersNestExactlyMaxDepthDeep() throws {
        let atLimit = MalformedInputTests.nestedArrays(depth: 64)
        #expect((try? decoded(NestedArray.self, atLimit)) != nil)
        let beyond = MalformedInputTests.nestedArrays(depth: 65)
        let error = decodingError(NestedArray.self, beyond)
        #expect(error?.code == .limitExceeded)
        #expect(error?.message == "containers nest deeper than the limit of 64")
    }

    @Test func aLowerDepthLimitIsHonoured() throws {
        let limits = DecodingLimits(maxDepth: 3)
        #expect((try? decoded(NestedArray.self, MalformedInputTests.nestedArrays(depth: 3), limits: limits)) != nil)
        #expect(decodingError(NestedArray.self, MalformedInputTests.nestedArrays(depth: 4), limits: limits)?.code == .limitExceeded)
        // Dictionaries count as containers too.
        #expect(decodingError([String: [String: Int]].self, try encoded(["a": ["b": 1]]),
                              limits: DecodingLimits(maxDepth: 1))?.code == .limitExceeded)
    }

    @Test func stringsMayBeExactlyMaxStringByteCountLong() throws {
        let limits = DecodingLimits(maxStringByteCount: 10)
        #expect(try decoded(String.self, Wire.string("0123456789"), limits: limits) == "0123456789")
        let error = decodingError(String.self, Wire.string("0123456789a"), limits: limits)
        #expect(error?.code == .limitExceeded)
        #expect(error?.message == "string of 11 bytes exceeds the limit of 10")
    }

    @Test func mapKeysAreBoundByMaxStringByteCount() throws {
        let limits = DecodingLimits(maxStringByteCount: 4)
        let bytes = Wire.map([Wire.key("toolong") + Wire.int(1)])
        #expect(decodingError(AnyMap.self, bytes, limits: limits)?.code == .limitExceeded)
        #expect(decodingError([String: Int].self, bytes, limits: limits)?.code == .limitExceeded)
    }

    @Test func collectionsMayHoldExactlyMaxCollectionCountElements() throws {
        let limits = DecodingLimits(maxCollectionCount: 5)
        #expect(try decoded([Int].self, try encoded([1, 2, 3, 4, 5]), limits: limits).count == 5)
        #expect(decodingError([Int].self, try encoded([1, 2, 3, 4, 5, 6]), limits: limits)?.code == .limitExceeded)
        #expect(decodingError([String: Int].self, try encoded(Dictionary(uniqueKeysWithValues: (0..<6).map { ("\($0)", $0) })),
                              limits: limits)?.code == .limitExceeded)
        #expect(decodingError(AnyMap.self, try encoded(Dictionary(uniqueKeysWithValues: (0..<6).map { ("\($0)", $0) })),
                              limits: limits)?.code == .limitExceeded)
    }

    @Test func bytesValuesAreBoundOnlyByTheInput() throws {
        let large = [UInt8](repeating: 7, count: 3 << 20)
        #expect(try roundTripped(large) == large)
    }
}
