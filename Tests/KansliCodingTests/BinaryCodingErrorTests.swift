import Foundation
import KansliCoding
import Testing

/// The error says what, where and at which byte.
@Suite struct BinaryCodingErrorTests {
    @Test func theDescriptionNamesCodeMessagePathAndOffset() {
        let error = BinaryCodingError(code: .truncated, message: "the input ends inside a varint",
                                      codingPath: [.key("members"), .index(3), .key("givenName")], byteOffset: 57)
        #expect(error.codingPathDescription == "members[3].givenName")
        #expect(error.description == "truncated: the input ends inside a varint at members[3].givenName, byte 57")
    }

    @Test func anEmptyPathReadsAsTheTopLevel() {
        let error = BinaryCodingError(code: .trailingBytes, message: "1 bytes follow")
        #expect(error.description == "trailing_bytes: 1 bytes follow at (top level)")
    }

    @Test func codesHaveStableNames() {
        let names = [BinaryCodingError.Code.truncated, .invalidVarint, .invalidTag, .typeMismatch, .lengthOutOfBounds,
                     .limitExceeded, .invalidUTF8, .numberOutOfRange, .keyNotFound, .valueNotFound, .duplicateKey,
                     .trailingBytes, .invalidValue, .invalidUsage].map(\.description)
        #expect(names == ["truncated", "invalid_varint", "invalid_tag", "type_mismatch", "length_out_of_bounds",
                          "limit_exceeded", "invalid_utf8", "number_out_of_range", "key_not_found", "value_not_found",
                          "duplicate_key", "trailing_bytes", "invalid_value", "invalid_usage"])
        #expect(Set(names).count == names.count)
    }

    @Test func decodingErrorsCarryTheByteOffset() {
        let bytes = Wire.array([Wire.int(1), [0x0C]])
        let error = decodingError([Int].self, bytes)
        #expect(error?.code == .invalidTag)
        #expect(error?.byteOffset == 5)
        #expect(error?.codingPath == [.index(1)])
    }
}
