/// The fixed 56-byte header in front of every frame's payload. All integers are big-endian.
///
///     off len field
///      0   4  magic "KNSL" (4B 4E 53 4C)
///      4   1  protocol version (2)
///      5   1  kind (FrameKind)
///      6   1  flags (FrameFlags): 0x01 compressed, 0x02 MAC present; other bits must be 0
///      7   1  reserved, 0
///      8   4  request id (u32)
///     12   2  method id (u16); 0 on handshake frames
///     14   2  reserved, 0
///     16   4  payload length on the wire (u32)
///     20   4  CRC-32 of the payload bytes as on the wire; zero when the MAC flag is set
///     24  16  idempotency key (all zero = none)
///     40  16  MAC (all zero when the MAC flag is clear)
///
/// Decoding with `init(decoding:limits:)` validates every field in
/// that order, the payload length against ``FrameLimits/maxPayloadBytes`` included, so a receiver
/// refuses an oversized frame from these 56 bytes alone.
public struct FrameHeader: Sendable, Hashable {
    // MARK: Layout

    /// The size of the header in bytes.
    public static let byteCount = 56
    /// The magic bytes every frame starts with: `KNSL`.
    public static let magic: [UInt8] = [0x4B, 0x4E, 0x53, 0x4C]
    /// The protocol version this build reads and writes: 2. Version 1 is refused (its handshake
    /// bound neither the offered versions nor the granted role; nothing deployed speaks it).
    public static let currentVersion: UInt8 = 2
    /// The size of the idempotency key and of the MAC field.
    public static let fieldByteCount = 16
    /// Header bytes `0..<macCoveredByteCount` are covered by the MAC: everything before the MAC
    /// field, the flags byte (with the MAC flag set) included.
    public static let macCoveredByteCount = 40

    /// Byte offsets of the fields, as in the table above.
    enum Offset {
        static let magic = 0
        static let version = 4
        static let kind = 5
        static let flags = 6
        static let reserved7 = 7
        static let requestID = 8
        static let method = 12
        static let reserved14 = 14
        /// Every reserved byte: 7, 14 and 15.
        static let reserved = [reserved7, reserved14, reserved14 + 1]
        static let payloadLength = 16
        static let checksum = 20
        static let idempotencyKey = 24
        static let mac = 40
    }

    /// Sixteen zero bytes: the idempotency key "none" and the MAC field of a frame without a MAC.
    /// Shared, so a frame without either does not allocate one.
    public static let zeroField = [UInt8](repeating: 0, count: fieldByteCount)

    // MARK: Fields

    /// The protocol version (byte 4); ``currentVersion`` for every header this build accepts.
    public var version: UInt8
    /// What the frame is (byte 5).
    public var kind: FrameKind
    /// The flag bits (byte 6).
    public var flags: FrameFlags
    /// Bytes 8..<12. A response or error echoes its request's id.
    public var requestID: UInt32
    /// Bytes 12..<14: the method called; 0 on handshake frames.
    public var method: UInt16
    /// Bytes 16..<20: the number of payload bytes on the wire (after compression).
    public var payloadLength: UInt32
    /// Bytes 20..<24: the CRC-32 of the wire payload.
    public var checksum: UInt32
    /// Bytes 24..<40: the request's idempotency key, 16 bytes; all zero means none.
    public var idempotencyKey: [UInt8]
    /// Bytes 40..<56: the MAC, 16 bytes; all zero unless ``flags`` contains ``FrameFlags/mac``.
    public var mac: [UInt8]

    /// Creates a header. `idempotencyKey` and `mac` must be exactly 16 bytes.
    public init(
        version: UInt8 = FrameHeader.currentVersion,
        kind: FrameKind,
        flags: FrameFlags = [],
        requestID: UInt32,
        method: UInt16,
        payloadLength: UInt32,
        checksum: UInt32,
        idempotencyKey: [UInt8] = FrameHeader.zeroField,
        mac: [UInt8] = FrameHeader.zeroField
    ) {
        precondition(idempotencyKey.count == Self.fieldByteCount, "An idempotency key is 16 bytes, got \(idempotencyKey.count).")
        precondition(mac.count == Self.fieldByteCount, "A frame MAC is 16 bytes, got \(mac.count).")
        self.version = version
        self.kind = kind
        self.flags = flags
        self.requestID = requestID
        self.method = method
        self.payloadLength = payloadLength
        self.checksum = checksum
        self.idempotencyKey = idempotencyKey
        self.mac = mac
    }

    // MARK: Decoding

    /// Decodes and validates the first 56 bytes of `bytes`.
    ///
    /// Checks, in order: magic, version, kind, flags, reserved bytes, that the MAC field is zero
    /// when the MAC flag is clear, and the payload length against `limits.maxPayloadBytes`.
    ///
    /// - Precondition: `bytes.count >= FrameHeader.byteCount`.
    /// - Throws: ``FramingError`` with code `badMagic`, `unsupportedVersion`, `unknownKind`,
    ///   `badFlags`, `badReserved`, `unexpectedMAC` or `tooLarge`.
    public init(decoding bytes: UnsafeRawBufferPointer, limits: FrameLimits) throws(FramingError) {
        precondition(bytes.count >= Self.byteCount, "A frame header is \(Self.byteCount) bytes, got \(bytes.count).")
        try Self.checkMagic(bytes)

        let version = bytes[Offset.version]
        guard version == Self.currentVersion else {
            throw FramingError(
                code: .unsupportedVersion,
                message: "Frame protocol version \(version) is not supported; this build speaks version \(Self.currentVersion). Run the same Kansli release on both sides."
            )
        }
        let kindByte = bytes[Offset.kind]
        guard let kind = FrameKind(rawValue: kindByte) else {
            throw FramingError(
                code: .unknownKind,
                message: "Frame kind \(kindByte) is unknown; known kinds are 1 request, 2 response, 3 error, 16 hello, 17 challenge, 18 authenticate, 19 welcome."
            )
        }
        let flags = FrameFlags(rawValue: bytes[Offset.flags])
        guard flags.undefinedBits == 0 else {
            throw FramingError(
                code: .badFlags,
                message: "Frame flags 0x\(Self.hex(flags.rawValue)) set undefined bits 0x\(Self.hex(flags.undefinedBits)); only 0x01 (compressed) and 0x02 (MAC) are defined."
            )
        }
        guard limits.acceptsCompressed || !flags.contains(.compressed) else {
            throw FramingError(
                code: .badFlags,
                message: "A compressed frame (flag 0x01) is not accepted here: frames before the handshake completes must be uncompressed."
            )
        }
        for offset in Offset.reserved where bytes[offset] != 0 {
            throw FramingError(
                code: .badReserved,
                message: "Reserved header byte \(offset) is 0x\(Self.hex(bytes[offset])); reserved bytes must be zero. The sender is broken or speaks a different protocol revision."
            )
        }
        let macBytes = UnsafeRawBufferPointer(rebasing: bytes[Offset.mac..<(Offset.mac + Self.fieldByteCount)])
        let macIsZero = macBytes.allSatisfy { $0 == 0 }
        guard flags.contains(.mac) || macIsZero else {
            throw FramingError(
                code: .unexpectedMAC,
                message: "The MAC field (bytes 40..<56) is not zero although the MAC flag (0x02) is clear; a sender must set the flag whenever it sends a MAC."
            )
        }

        let requestID = bytes.loadBigEndian(fromByteOffset: Offset.requestID, as: UInt32.self)
        let checksum = bytes.loadBigEndian(fromByteOffset: Offset.checksum, as: UInt32.self)
        guard !flags.contains(.mac) || checksum == 0 else {
            throw FramingError(
                code: .badChecksum,
                message: "A frame with the MAC flag carries a CRC-32 (0x\(Self.hex32(checksum))); in a MAC'd frame bytes 20..<24 must be zero: the MAC detects corruption.",
                requestID: requestID
            )
        }
        let payloadLength = bytes.loadBigEndian(fromByteOffset: Offset.payloadLength, as: UInt32.self)
        guard UInt64(payloadLength) <= UInt64(max(limits.maxPayloadBytes, 0)) else {
            throw FramingError(
                code: .tooLarge,
                message: "Frame payload of \(payloadLength) bytes exceeds the limit of \(limits.maxPayloadBytes) bytes (FrameLimits.maxPayloadBytes); refused from the header. Send less per request, or raise the limit on both sides.",
                requestID: requestID
            )
        }
        let keyBytes = UnsafeRawBufferPointer(rebasing: bytes[Offset.idempotencyKey..<(Offset.idempotencyKey + Self.fieldByteCount)])

        self.init(
            version: version,
            kind: kind,
            flags: flags,
            requestID: requestID,
            method: bytes.loadBigEndian(fromByteOffset: Offset.method, as: UInt16.self),
            payloadLength: payloadLength,
            checksum: checksum,
            idempotencyKey: Self.field(keyBytes),
            mac: macIsZero ? Self.zeroField : Array(macBytes)
        )
    }

    /// Decodes and validates the first 56 bytes of `bytes`; see the raw-buffer overload.
    public init(decoding bytes: [UInt8], limits: FrameLimits) throws(FramingError) {
        self = try bytes.withTypedUnsafeBytes { (buffer) throws(FramingError) in
            try FrameHeader(decoding: buffer, limits: limits)
        }
    }

    /// Throws ``FramingError/Code/badMagic`` unless `bytes` (possibly fewer than 4) is a prefix of
    /// ``magic``. Lets a receiver reject a stranger after its first byte rather than its 56th.
    static func checkMagic(_ bytes: UnsafeRawBufferPointer) throws(FramingError) {
        let count = min(bytes.count, magic.count)
        for index in 0..<count where bytes[index] != magic[index] {
            let seen = bytes.prefix(count).map { hex($0) }.joined(separator: " ")
            throw FramingError(
                code: .badMagic,
                message: "The stream does not start with a Kansli frame: expected magic 4B 4E 53 4C (\"KNSL\"), got \(seen). The peer does not speak this protocol (check host and port) or the stream is out of sync."
            )
        }
    }

    // MARK: Encoding

    /// The 56 header bytes.
    public func encoded() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Self.byteCount) { buffer, initializedCount in
            write(to: UnsafeMutableRawBufferPointer(buffer))
            initializedCount = Self.byteCount
        }
    }

    /// Writes the 56 header bytes to the start of `buffer`, reserved bytes as zero.
    ///
    /// - Precondition: `buffer.count >= FrameHeader.byteCount`.
    public func write(to buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= Self.byteCount, "A frame header needs \(Self.byteCount) bytes, got \(buffer.count).")
        for (index, byte) in Self.magic.enumerated() {
            buffer[Offset.magic + index] = byte
        }
        buffer[Offset.version] = version
        buffer[Offset.kind] = kind.rawValue
        buffer[Offset.flags] = flags.rawValue
        buffer[Offset.reserved7] = 0
        buffer.storeBigEndian(requestID, toByteOffset: Offset.requestID)
        buffer.storeBigEndian(method, toByteOffset: Offset.method)
        buffer.storeBigEndian(UInt16(0), toByteOffset: Offset.reserved14)
        buffer.storeBigEndian(payloadLength, toByteOffset: Offset.payloadLength)
        buffer.storeBigEndian(checksum, toByteOffset: Offset.checksum)
        for index in 0..<Self.fieldByteCount {
            buffer[Offset.idempotencyKey + index] = idempotencyKey[index]
            buffer[Offset.mac + index] = mac[index]
        }
    }

    // MARK: Helpers

    /// A 16-byte field as an array, sharing ``zeroField`` when it is all zero.
    private static func field(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        bytes.allSatisfy { $0 == 0 } ? zeroField : Array(bytes)
    }

    /// Eight uppercase hex digits.
    static func hex32(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Two uppercase hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
