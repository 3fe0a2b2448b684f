/// One frame as received: its validated header, its payload (inflated when it was compressed), and
/// the bytes exactly as they arrived, for the transport to verify the MAC.
///
/// Produced by ``FrameParser``. Framing has already checked the header, the size limits, the CRC
/// and the compression envelope; it has *not* checked the MAC, which needs the session key and the
/// connection's sequence number. The transport does, over ``withMACInput(_:)``:
///
///     var hmac = sessionHMAC                     // keyed HMAC-SHA256, from KansliCrypto
///     hmac.update(sequenceNumberBigEndian)       // 8 bytes
///     frame.withMACInput { header, payload in
///         hmac.update(header)                    // header bytes 0..<40, flags included
///         hmac.update(payload)                   // the payload as on the wire
///     }
///     let ok = frame.flags.contains(.mac)
///         && ConstantTime.equals(Array(hmac.finalize().prefix(16)), frame.mac)
public struct Frame: Sendable, Hashable {
    /// The validated header, as received.
    public let header: FrameHeader

    /// The payload: the wire payload, inflated when ``FrameFlags/compressed`` is set (and
    /// ``isInflated``; a frame from ``FrameParser/nextWireFrame()`` is not inflated yet).
    public let payload: [UInt8]

    /// Whether ``payload`` is the inflated payload: true for an uncompressed frame and after
    /// ``inflated(limits:)``.
    public let isInflated: Bool

    /// The 56 header bytes exactly as received.
    public let wireHeader: [UInt8]

    /// The payload bytes exactly as received (the compression envelope when compressed). Shares
    /// storage with ``payload`` when the frame was not compressed.
    public let wirePayload: [UInt8]

    /// Assembles a frame; ``FrameParser`` is the only producer, after validating every part.
    init(header: FrameHeader, payload: [UInt8], wireHeader: [UInt8], wirePayload: [UInt8], isInflated: Bool) {
        self.header = header
        self.payload = payload
        self.wireHeader = wireHeader
        self.wirePayload = wirePayload
        self.isInflated = isInflated
    }

    /// This frame with its payload inflated under `limits` (itself when already inflated).
    ///
    /// - Throws: ``FramingError`` with code `decompressionFailed`, `decompressedTooLarge` or
    ///   `decompressedLengthMismatch`, naming the frame's request id.
    public func inflated(limits: FrameLimits) throws(FramingError) -> Frame {
        if isInflated { return self }
        do {
            let payload = try CompressionEnvelope.open(wirePayload, limits: limits)
            return Frame(header: header, payload: payload, wireHeader: wireHeader, wirePayload: wirePayload, isInflated: true)
        } catch {
            var attributed = error
            attributed.requestID = header.requestID
            throw attributed
        }
    }

    /// What the frame is.
    public var kind: FrameKind { header.kind }
    /// The flag bits as received (the MAC flag included).
    public var flags: FrameFlags { header.flags }
    /// The request id; a response or error echoes its request's.
    public var requestID: UInt32 { header.requestID }
    /// The method id; 0 on handshake frames.
    public var method: UInt16 { header.method }
    /// The 16-byte idempotency key; all zero means none.
    public var idempotencyKey: [UInt8] { header.idempotencyKey }
    /// Whether the frame carries an idempotency key (the key is not all zero).
    public var hasIdempotencyKey: Bool { header.idempotencyKey.contains { $0 != 0 } }
    /// The 16-byte MAC as received; all zero when ``flags`` lacks ``FrameFlags/mac``.
    public var mac: [UInt8] { header.mac }

    /// Calls `body` with the two byte ranges the MAC covers, in order: header bytes `0..<40` as
    /// received (the MAC flag included), then the wire payload. The transport prefixes the
    /// connection's u64 big-endian sequence number. No bytes are copied.
    public func withMACInput<R, E: Error>(
        _ body: (_ headerPrefix: UnsafeRawBufferPointer, _ wirePayload: UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        try wireHeader.withTypedUnsafeBytes { (header) throws(E) -> R in
            try wirePayload.withTypedUnsafeBytes { (payload) throws(E) -> R in
                try body(UnsafeRawBufferPointer(rebasing: header[0..<FrameHeader.macCoveredByteCount]), payload)
            }
        }
    }

    /// The bytes the MAC covers, concatenated: header bytes `0..<40`, then the wire payload.
    /// A copy; prefer ``withMACInput(_:)`` on hot paths.
    public var macInput: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(FrameHeader.macCoveredByteCount + wirePayload.count)
        bytes.append(contentsOf: wireHeader[0..<FrameHeader.macCoveredByteCount])
        bytes.append(contentsOf: wirePayload)
        return bytes
    }
}
