import Testing
import KansliFraming

@Suite("FramingError")
struct FramingErrorTests {
    @Test("size violations map to too_large")
    func tooLargeMapping() {
        #expect(FramingError.Code.tooLarge.protocolErrorCode == "too_large")
        #expect(FramingError.Code.decompressedTooLarge.protocolErrorCode == "too_large")
    }

    @Test("an unsupported version maps to unsupported_version")
    func versionMapping() {
        #expect(FramingError.Code.unsupportedVersion.protocolErrorCode == "unsupported_version")
    }

    @Test("every other violation maps to bad_request")
    func badRequestMapping() {
        let codes: [FramingError.Code] = [
            .badMagic, .unknownKind, .badFlags, .badReserved, .unexpectedMAC, .badChecksum,
            .decompressionFailed, .decompressedLengthMismatch, .compressionFailed,
        ]
        for code in codes {
            #expect(code.protocolErrorCode == "bad_request", "\(code)")
        }
    }

    @Test("code names are stable snake_case")
    func codeNames() {
        #expect(FramingError.Code.badMagic.description == "bad_magic")
        #expect(FramingError.Code.badChecksum.description == "bad_checksum")
        #expect(FramingError.Code.decompressedTooLarge.description == "decompressed_too_large")
        #expect(FramingError.Code.decompressedLengthMismatch.description == "decompressed_length_mismatch")
    }

    @Test("description is code, then message")
    func description() {
        let error = FramingError(code: .badFlags, message: "Frame flags 0x80 set undefined bits 0x80.")
        #expect(error.description == "bad_flags: Frame flags 0x80 set undefined bits 0x80.")
        #expect(error.protocolErrorCode == "bad_request")
    }
}
