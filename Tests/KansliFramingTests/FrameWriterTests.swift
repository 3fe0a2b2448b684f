import Testing
import KansliFraming
import KansliTestSupport

@Suite("FrameWriter")
struct FrameWriterTests {
    static let key: [UInt8] = Array(1...16)

    @Test("every kind round-trips uncompressed", arguments: FrameKind.allCases)
    func roundTripUncompressed(kind: FrameKind) throws {
        let payload = compressiblePayload(300)
        let method: UInt16 = kind.isHandshake ? 0 : 0x0201
        let key = kind == .request ? Self.key : nil
        let bytes = try FrameWriter.encode(
            kind: kind, requestID: 42, method: method, idempotencyKey: key, payload: payload
        )
        #expect(bytes.count == 56 + 300)
        let frames = try parse(bytes)
        #expect(frames.count == 1)
        let frame = try #require(frames.first)
        #expect(frame.kind == kind)
        #expect(frame.flags == [])
        #expect(frame.requestID == 42)
        #expect(frame.method == method)
        #expect(frame.idempotencyKey == (key ?? FrameHeader.zeroField))
        #expect(frame.hasIdempotencyKey == (key != nil))
        #expect(frame.mac == FrameHeader.zeroField)
        #expect(frame.payload == payload)
        #expect(frame.wirePayload == payload)
        #expect(frame.wireHeader == Array(bytes[0..<56]))
    }

    @Test("every kind round-trips compressed", arguments: FrameKind.allCases)
    func roundTripCompressed(kind: FrameKind) throws {
        let payload = compressiblePayload(200_000)
        let bytes = try FrameWriter.encode(kind: kind, requestID: 7, method: 3, payload: payload)
        #expect(bytes.count < 56 + 200_000 / 10)
        #expect(bytes[6] == FrameFlags.compressed.rawValue)
        let frame = try #require(try parse(bytes).first)
        #expect(frame.kind == kind)
        #expect(frame.flags == .compressed)
        #expect(frame.payload == payload)
        #expect(frame.wirePayload.count == bytes.count - 56)
        // The envelope: u32 BE inflated length, then a zlib stream.
        #expect(Array(frame.wirePayload[0..<4]) == [0x00, 0x03, 0x0D, 0x40])  // 200 000
        #expect(frame.wirePayload[4] == 0x78)
    }

    @Test("the CRC covers the wire payload (the envelope when compressed)")
    func crcCoversWirePayload() throws {
        for payload in [compressiblePayload(10), compressiblePayload(100_000)] {
            let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: payload)
            let crc = UInt32(bytes[20]) << 24 | UInt32(bytes[21]) << 16 | UInt32(bytes[22]) << 8 | UInt32(bytes[23])
            #expect(crc == CRC32.checksum(Array(bytes[56...])))
        }
    }

    @Test("a payload below the compression threshold is sent as is")
    func belowThreshold() throws {
        let payload = compressiblePayload(64 * 1024 - 1)
        let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: payload)
        #expect(bytes[6] == 0)
        #expect(Array(bytes[56...]) == payload)
    }

    @Test("a payload at the threshold is compressed")
    func atThreshold() throws {
        let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: compressiblePayload(64 * 1024))
        #expect(bytes[6] == FrameFlags.compressed.rawValue)
    }

    @Test("an incompressible payload over the threshold is sent uncompressed")
    func incompressible() throws {
        var generator = SeededGenerator(seed: 99)
        let payload = generator.bytes(100_000)
        let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: payload)
        #expect(bytes[6] == 0)
        #expect(bytes.count == 56 + 100_000)
        #expect(try parse(bytes).first?.payload == payload)
    }

    @Test("allowCompression false never compresses")
    func compressionNotAllowed() throws {
        let payload = compressiblePayload(100_000)
        let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: payload, allowCompression: false)
        #expect(bytes[6] == 0)
        #expect(bytes.count == 56 + 100_000)
    }

    @Test("an empty payload makes a 56-byte frame")
    func emptyPayload() throws {
        let bytes = try FrameWriter.encode(kind: .hello, requestID: 0, payload: [])
        #expect(bytes.count == 56)
        let frame = try #require(try parse(bytes).first)
        #expect(frame.payload.isEmpty)
        #expect(frame.kind == .hello)
    }

    @Test("a payload over maxPayloadBytes that compresses below it is sent compressed")
    func largeButCompressible() throws {
        let payload = compressiblePayload(5 * 1024 * 1024)
        let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: payload)
        #expect(bytes.count < 4 * 1024 * 1024)
        #expect(try parse(bytes).first?.payload == payload)
    }

    @Test("a payload over maxPayloadBytes that does not compress is tooLarge")
    func tooLargeIncompressible() {
        var generator = SeededGenerator(seed: 5)
        let payload = generator.bytes(2000)
        let limits = FrameLimits(maxPayloadBytes: 1000, compressionThreshold: 100)
        let error = framingError {
            try FrameWriter.encode(kind: .response, requestID: 12, payload: payload, limits: limits)
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.requestID == 12)
        #expect(error?.message.contains("does not compress") == true)
    }

    @Test("a payload over maxPayloadBytes with compression off is tooLarge")
    func tooLargeWithoutCompression() {
        let limits = FrameLimits(maxPayloadBytes: 1000)
        let error = framingError {
            try FrameWriter.encode(
                kind: .response, requestID: 1, payload: compressiblePayload(1001), limits: limits,
                allowCompression: false
            )
        }
        #expect(error?.code == .tooLarge)
    }

    @Test("a payload over maxDecompressedBytes is tooLarge even if it would compress")
    func overDecompressedLimit() {
        let limits = FrameLimits(maxPayloadBytes: 1000, maxDecompressedBytes: 5000, compressionThreshold: 100)
        let error = framingError {
            try FrameWriter.encode(kind: .response, requestID: 1, payload: compressiblePayload(5001), limits: limits)
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("maxDecompressedBytes") == true)
    }

    @Test("a payload of exactly maxPayloadBytes is accepted")
    func atPayloadLimit() throws {
        let limits = FrameLimits(maxPayloadBytes: 1000)
        let bytes = try FrameWriter.encode(kind: .response, requestID: 1, payload: compressiblePayload(1000), limits: limits)
        #expect(try parse(bytes, limits: limits).first?.payload.count == 1000)
    }

    // MARK: MAC

    @Test("authenticate sets the MAC flag before computing the MAC, then stores its first 16 bytes")
    func authenticate() throws {
        var bytes = try FrameWriter.encode(kind: .request, requestID: 7, method: 1, payload: [0x09, 0x01, 0x00])
        let unsigned = bytes
        var seenHeader: [UInt8] = []
        var seenPayload: [UInt8] = []
        FrameWriter.authenticate(&bytes) { header, payload in
            seenHeader = Array(header)
            seenPayload = Array(payload)
            return Array(100..<132)  // a 32-byte "HMAC"
        }
        #expect(seenHeader.count == 40)
        #expect(seenHeader[6] == FrameFlags.mac.rawValue)   // the flag was set when the MAC was computed
        #expect(Array(seenHeader[20..<24]) == [0, 0, 0, 0])  // and the CRC field zeroed: a MAC'd frame has none
        #expect(seenPayload == [0x09, 0x01, 0x00])
        #expect(Array(bytes[40..<56]) == Array(100..<116))
        // Nothing else changed but the flag, the CRC field and the MAC field.
        #expect(Array(bytes[0..<6]) == Array(unsigned[0..<6]))
        #expect(Array(bytes[7..<20]) == Array(unsigned[7..<20]))
        #expect(Array(bytes[24..<40]) == Array(unsigned[24..<40]))
        #expect(Array(bytes[56...]) == Array(unsigned[56...]))

        let frame = try #require(try parse(bytes).first)
        #expect(frame.flags == .mac)
        #expect(frame.mac == Array(100..<116))
        frame.withMACInput { header, payload in
            #expect(Array(header) == seenHeader)
            #expect(Array(payload) == seenPayload)
        }
        #expect(frame.macInput == seenHeader + seenPayload)
    }

    @Test("the MAC of a compressed frame covers the compressed wire payload")
    func authenticateCompressed() throws {
        var bytes = try FrameWriter.encode(kind: .response, requestID: 3, payload: compressiblePayload(100_000))
        var seenPayloadCount = 0
        FrameWriter.authenticate(&bytes) { _, payload in
            seenPayloadCount = payload.count
            return [UInt8](repeating: 0xAB, count: 16)
        }
        #expect(seenPayloadCount == bytes.count - 56)
        let frame = try #require(try parse(bytes).first)
        #expect(frame.flags == [.compressed, .mac])
        #expect(frame.payload == compressiblePayload(100_000))
        #expect(frame.wirePayload.count == seenPayloadCount)
    }

    @Test("authenticate rethrows the MAC function's error")
    func authenticateRethrows() throws {
        struct KeyMissing: Error {}
        var bytes = try FrameWriter.encode(kind: .request, requestID: 1, payload: [])
        #expect(throws: KeyMissing.self) {
            try FrameWriter.authenticate(&bytes) { (_, _) throws(KeyMissing) -> [UInt8] in throw KeyMissing() }
        }
    }

    @Test("setMACFlag, a MAC over macCoveredRanges, then setMAC equals authenticate")
    func piecewiseEqualsAuthenticate() throws {
        let encoded = try FrameWriter.encode(kind: .request, requestID: 5, method: 2, payload: Array("abc".utf8))
        func fakeMAC(_ bytes: [UInt8]) -> [UInt8] {
            // Not a MAC, but depends on every covered byte: enough to compare the two paths.
            let crc = CRC32.checksum(bytes)
            return (0..<16).map { UInt8(truncatingIfNeeded: crc >> (($0 % 4) * 8)) }
        }
        var viaAuthenticate = encoded
        FrameWriter.authenticate(&viaAuthenticate) { header, payload in fakeMAC(Array(header) + Array(payload)) }

        var piecewise = encoded
        FrameWriter.setMACFlag(in: &piecewise)
        let ranges = FrameWriter.macCoveredRanges(in: piecewise)
        #expect(ranges == [0..<40, 56..<59])
        let covered = ranges.flatMap { piecewise[$0] }
        FrameWriter.setMAC(fakeMAC(covered), in: &piecewise)

        #expect(piecewise == viaAuthenticate)
    }

    @Test("a frame to be MAC'd can be encoded without computing its CRC; a MAC'd frame with a CRC is refused")
    func macdFramesCarryNoCRC() throws {
        let bytes = try FrameWriter.encode(kind: .request, requestID: 5, payload: [1, 2, 3], computesChecksum: false)
        #expect(Array(bytes[20..<24]) == [0, 0, 0, 0])
        var withCRC = try FrameWriter.encode(kind: .request, requestID: 5, payload: [1, 2, 3])
        let crc = Array(withCRC[20..<24])
        FrameWriter.authenticate(&withCRC) { header, _ in Array(header.prefix(16)) }
        #expect(try parse(withCRC).count == 1)
        withCRC.replaceSubrange(20..<24, with: crc)
        let error = framingError { try parse(withCRC) }
        #expect(error?.code == .badChecksum)
        #expect(error?.requestID == 5)
    }

    @Test("authenticating twice gives the same bytes")
    func authenticateIsIdempotent() throws {
        var bytes = try FrameWriter.encode(kind: .request, requestID: 5, payload: [1, 2, 3])
        FrameWriter.authenticate(&bytes) { header, _ in Array(header.prefix(16)) }
        let once = bytes
        FrameWriter.authenticate(&bytes) { header, _ in Array(header.prefix(16)) }
        #expect(bytes == once)
    }
}
