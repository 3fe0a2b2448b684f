import Testing
import KansliFraming

@Suite("FrameHeader")
struct FrameHeaderTests {
    static let key: [UInt8] = Array(0xA0...0xAF)
    static let mac: [UInt8] = Array(0xB0...0xBF)

    static var sample: FrameHeader {
        FrameHeader(
            kind: .request,
            flags: [.compressed, .mac],
            requestID: 0x0102_0304,
            method: 0x0201,
            payloadLength: 0x0000_1234,
            checksum: 0xCAFE_BABE,
            idempotencyKey: key,
            mac: mac
        )
    }

    @Test("every field sits at its offset, big-endian, reserved bytes zero")
    func layout() {
        let bytes = Self.sample.encoded()
        #expect(bytes.count == 56)
        #expect(FrameHeader.byteCount == 56)
        #expect(Array(bytes[0..<4]) == [0x4B, 0x4E, 0x53, 0x4C])  // "KNSL"
        #expect(bytes[4] == 2)                                     // version
        #expect(bytes[5] == 1)                                     // kind: request
        #expect(bytes[6] == 0x03)                                  // flags
        #expect(bytes[7] == 0)                                     // reserved
        #expect(Array(bytes[8..<12]) == [0x01, 0x02, 0x03, 0x04])  // request id
        #expect(Array(bytes[12..<14]) == [0x02, 0x01])             // method
        #expect(Array(bytes[14..<16]) == [0, 0])                   // reserved
        #expect(Array(bytes[16..<20]) == [0x00, 0x00, 0x12, 0x34]) // payload length
        #expect(Array(bytes[20..<24]) == [0xCA, 0xFE, 0xBA, 0xBE]) // CRC-32
        #expect(Array(bytes[24..<40]) == Self.key)
        #expect(Array(bytes[40..<56]) == Self.mac)
    }

    @Test("decoding an encoded header gives it back (a MAC'd one with its CRC field zero)")
    func roundTrip() throws {
        var macd = Self.sample
        macd.checksum = 0
        #expect(try FrameHeader(decoding: macd.encoded(), limits: .default) == macd)
        var plain = Self.sample
        plain.flags = [.compressed]
        plain.mac = FrameHeader.zeroField
        #expect(try FrameHeader(decoding: plain.encoded(), limits: .default) == plain)
    }

    @Test("a MAC'd header with a CRC is refused from the header: badChecksum")
    func macdHeaderWithCRC() {
        #expect(framingError { try FrameHeader(decoding: Self.sample.encoded(), limits: .default) }?.code == .badChecksum)
    }

    @Test("the largest request id, method and length within the limit round-trip")
    func extremes() throws {
        let header = FrameHeader(
            kind: .welcome, requestID: .max, method: .max, payloadLength: 4 * 1024 * 1024, checksum: .max
        )
        #expect(try FrameHeader(decoding: header.encoded(), limits: .default) == header)
    }

    @Test("a header with no key and no MAC has zero fields")
    func zeroFields() throws {
        let header = FrameHeader(kind: .hello, requestID: 0, method: 0, payloadLength: 0, checksum: 0)
        let bytes = header.encoded()
        #expect(bytes[24..<56].allSatisfy { $0 == 0 })
        let decoded = try FrameHeader(decoding: bytes, limits: .default)
        #expect(decoded.idempotencyKey == FrameHeader.zeroField)
        #expect(decoded.mac == FrameHeader.zeroField)
    }

    @Test("write(to:) writes into a larger buffer's first 56 bytes only")
    func writeIntoBuffer() {
        var buffer = [UInt8](repeating: 0xEE, count: 60)
        buffer.withUnsafeMutableBytes { Self.sample.write(to: $0) }
        #expect(Array(buffer[0..<56]) == Self.sample.encoded())
        #expect(Array(buffer[56...]) == [0xEE, 0xEE, 0xEE, 0xEE])
    }

    // MARK: Validation, in the order the checks run

    /// The sample header's bytes with `mutate` applied, decoded.
    func decodeMutated(
        limits: FrameLimits = .default,
        _ mutate: (inout [UInt8]) -> Void
    ) -> FramingError? {
        var bytes = FrameHeader(kind: .request, requestID: 9, method: 1, payloadLength: 3, checksum: 0).encoded()
        mutate(&bytes)
        return framingError { try FrameHeader(decoding: bytes, limits: limits) }
    }

    @Test("wrong magic is badMagic", arguments: 0..<4)
    func badMagic(index: Int) {
        let error = decodeMutated { $0[index] ^= 0x20 }
        #expect(error?.code == .badMagic)
        #expect(error?.protocolErrorCode == "bad_request")
        #expect(error?.requestID == nil)
    }

    @Test("a version other than 2 is unsupportedVersion (1, withdrawn, included)", arguments: [0, 1, 3, 255] as [UInt8])
    func unsupportedVersion(version: UInt8) {
        let error = decodeMutated { $0[4] = version }
        #expect(error?.code == .unsupportedVersion)
        #expect(error?.protocolErrorCode == "unsupported_version")
        #expect(error?.message.contains("version \(version)") == true)
    }

    @Test("a kind byte that is not a FrameKind is unknownKind", arguments: [0, 4, 15, 20, 255] as [UInt8])
    func unknownKind(kind: UInt8) {
        let error = decodeMutated { $0[5] = kind }
        #expect(error?.code == .unknownKind)
        #expect(error?.protocolErrorCode == "bad_request")
    }

    @Test("an undefined flag bit is badFlags", arguments: [0x04, 0x08, 0x80, 0xFF] as [UInt8])
    func badFlags(flags: UInt8) {
        let error = decodeMutated { $0[6] = flags }
        #expect(error?.code == .badFlags)
    }

    @Test("a non-zero reserved byte is badReserved", arguments: [7, 14, 15])
    func badReserved(offset: Int) {
        let error = decodeMutated { $0[offset] = 0x01 }
        #expect(error?.code == .badReserved)
        #expect(error?.message.contains("byte \(offset)") == true)
    }

    @Test("a MAC without the MAC flag is unexpectedMAC")
    func macWithoutFlag() {
        let error = decodeMutated { $0[55] = 0x01 }
        #expect(error?.code == .unexpectedMAC)
    }

    @Test("a MAC with the MAC flag is accepted")
    func macWithFlag() {
        let error = decodeMutated { bytes in
            bytes[6] = 0x02
            bytes[55] = 0x01
        }
        #expect(error == nil)
    }

    @Test("a payload length over maxPayloadBytes is tooLarge, carrying the request id")
    func tooLarge() {
        let limits = FrameLimits(maxPayloadBytes: 2)
        let error = decodeMutated(limits: limits) { _ in }
        #expect(error?.code == .tooLarge)
        #expect(error?.protocolErrorCode == "too_large")
        #expect(error?.requestID == 9)
        #expect(error?.message.contains("3 bytes exceeds the limit of 2") == true)
    }

    @Test("a payload length of exactly maxPayloadBytes is accepted")
    func atLimit() {
        #expect(decodeMutated(limits: FrameLimits(maxPayloadBytes: 3)) { _ in } == nil)
    }

    @Test("the largest u32 payload length is refused under the default limit")
    func maxLength() {
        let error = decodeMutated { bytes in
            for offset in 16..<20 { bytes[offset] = 0xFF }
        }
        #expect(error?.code == .tooLarge)
    }

    @Test("magic is checked before everything else")
    func checkOrder() {
        let error = decodeMutated { bytes in
            bytes[0] = 0x00
            bytes[4] = 9
            bytes[5] = 99
            bytes[6] = 0xFF
        }
        #expect(error?.code == .badMagic)
    }
}
