/// Turns a byte stream, arriving in chunks of any size, into frames.
///
/// Feed every chunk read from the connection to `append(_:)`, then call
/// ``nextFrame()`` until it returns `nil` ("need more bytes"). The same bytes give the same frames
/// however they are split.
///
/// What it guarantees a receiver:
/// - The header is validated from its 56 bytes alone — magic (from the first byte on), version,
///   kind, flags, reserved bytes, and the payload length against
///   ``FrameLimits/maxPayloadBytes`` — before the parser waits for a payload byte. It never
///   allocates ahead of the bytes that actually arrived, so a peer that announces a large payload
///   and stalls costs only what it sent.
/// - The CRC-32 of the wire payload is checked; a compressed payload is inflated under
///   ``FrameLimits/maxDecompressedBytes`` and must match its stated length exactly.
/// - The internal buffer is compacted as frames are consumed; every byte is copied a bounded
///   number of times, never once per chunk.
/// - After any error the parser is poisoned: it drops its buffer, ignores further input, and every
///   later ``nextFrame()`` rethrows the same error. The transport answers once with
///   ``FramingError/protocolErrorCode`` and closes the connection.
///
/// The MAC is not checked here; see ``Frame/withMACInput(_:)``. A receiver that checks MACs
/// takes frames with ``nextWireFrame()``, verifies the MAC over the wire bytes, and only then
/// inflates with ``Frame/inflated(limits:)``, so an unauthenticated peer can never make it inflate.
public struct FrameParser: Sendable {
    /// A buffer that grew past this size for a large frame is released once empty, rather than
    /// kept for the life of the connection.
    static let retainedCapacity = 64 * 1024

    /// The limits every frame is checked against. May be changed between frames (the transport
    /// relaxes them once the handshake completes); a header already validated keeps the limits it
    /// was validated under, which were the stricter ones.
    public var limits: FrameLimits

    /// Received bytes; those before `readIndex` are consumed.
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// The validated header of the frame whose payload is still arriving.
    private var pendingHeader: FrameHeader?
    /// The error that poisoned the parser.
    public private(set) var failure: FramingError?

    /// Creates a parser with an empty buffer.
    public init(limits: FrameLimits = .default) {
        self.limits = limits
    }

    /// The number of received bytes not yet returned as frames.
    public var bufferedByteCount: Int {
        buffer.count - readIndex
    }

    /// Adds bytes read from the connection. Ignored once the parser has failed.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds bytes read from the connection. Ignored once the parser has failed.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Adds bytes read from the connection. Ignored once the parser has failed.
    public mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// The next complete frame, or `nil` when more bytes are needed.
    ///
    /// - Throws: ``FramingError`` for any violation (see ``FramingError/Code``). The parser is then
    ///   poisoned and throws the same error on every later call.
    public mutating func nextFrame() throws(FramingError) -> Frame? {
        guard let frame = try nextWireFrame() else { return nil }
        do {
            return try frame.inflated(limits: limits)
        } catch {
            poison(error)
            throw error
        }
    }

    /// The next complete frame with its payload as on the wire — still compressed when
    /// ``FrameFlags/compressed`` is set (``Frame/isInflated`` is then false) — or `nil` when more
    /// bytes are needed. Header, limits and CRC are checked; inflating is left to
    /// ``Frame/inflated(limits:)``, after the caller has verified the MAC.
    ///
    /// - Throws: ``FramingError``, as ``nextFrame()`` but for the compression envelope.
    public mutating func nextWireFrame() throws(FramingError) -> Frame? {
        if let failure { throw failure }
        do {
            return try parseNext()
        } catch {
            poison(error)
            throw error
        }
    }

    private mutating func poison(_ error: FramingError) {
        failure = error
        buffer = []
        readIndex = 0
        pendingHeader = nil
    }

    // MARK: - Internals

    private mutating func parseNext() throws(FramingError) -> Frame? {
        let start = readIndex
        let available = buffer.count - start
        let header: FrameHeader
        if let pendingHeader {
            header = pendingHeader
        } else {
            let limits = self.limits
            guard available >= FrameHeader.byteCount else {
                // Not a whole header yet; a wrong magic is still refused as soon as it shows.
                try buffer.withTypedUnsafeBytes { (bytes) throws(FramingError) in
                    try FrameHeader.checkMagic(UnsafeRawBufferPointer(rebasing: bytes[start...]))
                }
                return nil
            }
            header = try buffer.withTypedUnsafeBytes { (bytes) throws(FramingError) in
                try FrameHeader(
                    decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + FrameHeader.byteCount)]),
                    limits: limits
                )
            }
            pendingHeader = header
        }

        let payloadStart = start + FrameHeader.byteCount
        let frameEnd = payloadStart + Int(header.payloadLength)
        guard buffer.count >= frameEnd else { return nil }

        let wireHeader = Array(buffer[start..<payloadStart])
        let wirePayload = Array(buffer[payloadStart..<frameEnd])
        readIndex = frameEnd
        pendingHeader = nil

        // A MAC'd frame carries no CRC (its field is zero, checked with the header): the MAC,
        // which the transport verifies before it uses the payload, detects every corruption the
        // CRC would.
        let checksum = header.flags.contains(.mac) ? 0 : CRC32.checksum(wirePayload)
        guard checksum == header.checksum else {
            throw FramingError(
                code: .badChecksum,
                message: "Payload CRC-32 mismatch: the header says 0x\(Self.hex(header.checksum)), the \(wirePayload.count) payload bytes give 0x\(Self.hex(checksum)). The bytes were corrupted in transit or the sender is broken.",
                requestID: header.requestID
            )
        }

        return Frame(header: header, payload: wirePayload, wireHeader: wireHeader, wirePayload: wirePayload,
                     isInflated: !header.flags.contains(.compressed))
    }

    /// Drops consumed bytes when that is cheap: when nothing is left, or when what is left is no
    /// larger than what was consumed (so each byte is moved at most as often as it is consumed).
    private mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            if buffer.capacity > Self.retainedCapacity {
                buffer = []
            } else {
                buffer.removeAll(keepingCapacity: true)
            }
            readIndex = 0
        } else if readIndex >= buffer.count - readIndex {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
