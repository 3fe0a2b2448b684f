import Testing
import KansliFraming
import KansliTestSupport

@Suite("Zlib")
struct ZlibTests {
    @Test("compress then decompress gives the input back", arguments: [0, 1, 100, 65_536, 1_000_000])
    func roundTrip(count: Int) throws {
        let input = compressiblePayload(count)
        let stream = try Zlib.compress(input)
        #expect(stream.first == 0x78)  // a zlib (RFC 1950) header, not raw deflate or gzip
        let output = try Zlib.decompress(stream, expectedCount: count, limit: count)
        #expect(output == input)
    }

    @Test("incompressible input round-trips too")
    func incompressibleRoundTrip() throws {
        var generator = SeededGenerator(seed: 7)
        let input = generator.bytes(100_000)
        let stream = try Zlib.compress(input)
        #expect(try Zlib.decompress(stream, expectedCount: input.count, limit: .max) == input)
    }

    @Test("a stated length over the limit is refused before inflating, even for a garbage stream")
    func statedLengthOverLimitRefusedFirst() {
        // The stream is garbage: getting decompressedTooLarge, not decompressionFailed, proves the
        // length was checked before zlib saw a byte.
        let error = framingError { try Zlib.decompress([0xDE, 0xAD], expectedCount: 1025, limit: 1024) }
        #expect(error?.code == .decompressedTooLarge)
        #expect(error?.protocolErrorCode == "too_large")
    }

    @Test("a bomb (a tiny stream inflating to 20 MiB) stated as 1 KiB stops one byte past 1 KiB")
    func bombStatedSmall() throws {
        let stream = try Zlib.compress([UInt8](repeating: 0, count: 20 * 1024 * 1024))
        #expect(stream.count < 64 * 1024)
        let error = framingError { try Zlib.decompress(stream, expectedCount: 1024, limit: 16 * 1024 * 1024) }
        #expect(error?.code == .decompressedLengthMismatch)
    }

    @Test("a stream that inflates to fewer bytes than stated is refused")
    func inflatesShort() throws {
        let stream = try Zlib.compress(compressiblePayload(1000))
        let error = framingError { try Zlib.decompress(stream, expectedCount: 1001, limit: 4096) }
        #expect(error?.code == .decompressedLengthMismatch)
    }

    @Test("a corrupt stream is refused with decompressionFailed")
    func corruptStream() throws {
        var stream = try Zlib.compress(compressiblePayload(10_000))
        stream[stream.count / 2] ^= 0xFF
        stream[stream.count / 2 + 1] ^= 0x55
        let error = framingError { try Zlib.decompress(stream, expectedCount: 10_000, limit: 20_000) }
        #expect(error?.code == .decompressionFailed || error?.code == .decompressedLengthMismatch)
        #expect(error != nil)
    }

    @Test("a stream with a bad zlib header is refused with decompressionFailed")
    func badHeader() {
        let error = framingError { try Zlib.decompress([0x12, 0x34, 0x56, 0x78], expectedCount: 4, limit: 100) }
        #expect(error?.code == .decompressionFailed)
        #expect(error?.message.contains("corrupt") == true)
    }

    @Test("a truncated stream is refused with decompressionFailed")
    func truncatedStream() throws {
        let stream = try Zlib.compress(compressiblePayload(10_000))
        let error = framingError {
            try Zlib.decompress(Array(stream.dropLast(5)), expectedCount: 10_000, limit: 20_000)
        }
        #expect(error?.code == .decompressionFailed)
    }

    @Test("an empty stream is refused with decompressionFailed")
    func emptyStream() {
        let error = framingError { try Zlib.decompress([], expectedCount: 0, limit: 100) }
        #expect(error?.code == .decompressionFailed)
    }

    @Test("bytes after the end of the stream are refused")
    func trailingBytes() throws {
        let stream = try Zlib.compress(compressiblePayload(100))
        let error = framingError { try Zlib.decompress(stream + [0x00], expectedCount: 100, limit: 100) }
        #expect(error?.code == .decompressionFailed)
    }

    @Test("a stream asking for a preset dictionary is refused")
    func presetDictionary() {
        // CMF 0x78, FLG 0xBB: FDICT set, (0x78 * 256 + 0xBB) % 31 == 0; then a dictionary id.
        let error = framingError {
            try Zlib.decompress([0x78, 0xBB, 0x00, 0x00, 0x00, 0x01, 0x03, 0x00], expectedCount: 0, limit: 100)
        }
        #expect(error?.code == .decompressionFailed)
        #expect(error?.message.contains("dictionary") == true)
    }

    @Test("a negative expected count is refused")
    func negativeExpectedCount() {
        let error = framingError { try Zlib.decompress([0x78, 0x9C], expectedCount: -1, limit: 100) }
        #expect(error?.code == .decompressedTooLarge)
    }
}

@Suite("Zlib integrity")
struct ZlibIntegrityTests {
    @Test("a stream whose Adler-32 trailer is wrong is refused as corrupt")
    func badAdler32() throws {
        var stream = try Zlib.compress(compressiblePayload(1000))
        stream[stream.count - 1] ^= 0x01
        let error = framingError { try Zlib.decompress(stream, expectedCount: 1000, limit: 1000) }
        #expect(error?.code == .decompressionFailed)
        #expect(error?.message.contains("incorrect data check") == true)
    }
}
