/// Encodes frames: header and payload in one contiguous `[UInt8]`, ready for a single write(2).
///
/// `encode(kind:requestID:method:idempotencyKey:payload:limits:allowCompression:computesChecksum:)`
/// compresses a payload of at least ``FrameLimits/compressionThreshold`` bytes when the
/// compressed envelope is actually smaller, computes the CRC-32 over the wire payload (unless the
/// frame will be MAC'd: pass `computesChecksum: false`), and leaves the MAC flag clear and the
/// MAC field zero.
///
/// ## Adding the MAC
/// The MAC covers header bytes `0..<40`, and the MAC flag (byte 6) is among them. So the flag must
/// be set *before* the MAC is computed, or the receiver — who verifies over the bytes it received,
/// flag set — computes a different MAC. ``authenticate(_:computeMAC:)`` does the three steps in
/// that order, and is the one to use:
///
///     var bytes = try FrameWriter.encode(kind: .request, requestID: 7, method: 1, payload: body)
///     FrameWriter.authenticate(&bytes) { header, payload in
///         var hmac = sessionHMAC                // keyed HMAC-SHA256, from KansliCrypto
///         hmac.update(sequenceNumberBigEndian)  // 8 bytes
///         hmac.update(header)                   // bytes 0..<40, flag 0x02 already set
///         hmac.update(payload)                  // the wire payload
///         return hmac.finalize()                // truncated to its first 16 bytes
///     }
///
/// The pieces are public too, for a caller that must interleave other work: ``setMACFlag(in:)``,
/// then a MAC over ``macCoveredRanges(in:)``, then ``setMAC(_:in:)`` (which refuses to run while
/// the flag is clear). A MAC'd frame carries no CRC: ``authenticate(_:computeMAC:)`` zeroes the
/// CRC field before computing the MAC, which covers it.
public enum FrameWriter {
    /// Encodes one frame.
    ///
    /// - Parameters:
    ///   - kind: What the frame is.
    ///   - requestID: The request id; a response or error echoes the request's.
    ///   - method: The method id; 0 on handshake frames.
    ///   - idempotencyKey: 16 bytes for a write request, `nil` for none (sent as zeros).
    ///   - payload: The payload bytes (an encoded message; framing does not look inside).
    ///   - limits: The limits the receiver applies; the default ones unless both sides agree.
    ///   - allowCompression: Whether a payload at or over the threshold may be compressed.
    /// - Returns: The frame, 56 header bytes then the wire payload; MAC flag clear, MAC zero.
    /// - Throws: ``FramingError/Code/tooLarge`` when the payload cannot be sent within `limits`:
    ///   over ``FrameLimits/maxPayloadBytes`` and not compressible below it (or over
    ///   ``FrameLimits/maxDecompressedBytes``, which the receiver would refuse to inflate).
    /// - Precondition: `idempotencyKey`, when given, is 16 bytes.
    public static func encode(
        kind: FrameKind,
        requestID: UInt32,
        method: UInt16 = 0,
        idempotencyKey: [UInt8]? = nil,
        payload: UnsafeRawBufferPointer,
        limits: FrameLimits = .default,
        allowCompression: Bool = true,
        computesChecksum: Bool = true
    ) throws(FramingError) -> [UInt8] {
        if let idempotencyKey {
            precondition(
                idempotencyKey.count == FrameHeader.fieldByteCount,
                "An idempotency key is \(FrameHeader.fieldByteCount) bytes, got \(idempotencyKey.count)."
            )
        }
        var header = FrameHeader(
            kind: kind,
            requestID: requestID,
            method: method,
            payloadLength: 0,
            checksum: 0,
            idempotencyKey: idempotencyKey ?? FrameHeader.zeroField
        )
        let count = payload.count
        let mayCompress = allowCompression
            && count >= limits.compressionThreshold
            && count <= limits.maxDecompressedBytes
            && count <= Int(UInt32.max)
        if mayCompress, let frame = compressedFrame(header: header, payload: payload, limits: limits,
                                                    computesChecksum: computesChecksum) {
            return frame
        }
        guard count <= limits.maxPayloadBytes, count <= Int(UInt32.max) else {
            let reason = if !allowCompression {
                "compression was not allowed"
            } else if count > limits.maxDecompressedBytes {
                "it is also over FrameLimits.maxDecompressedBytes (\(limits.maxDecompressedBytes)), which no receiver inflates"
            } else {
                "it does not compress below that"
            }
            throw FramingError(
                code: .tooLarge,
                message: "A payload of \(count) bytes does not fit in a frame: it is over FrameLimits.maxPayloadBytes (\(limits.maxPayloadBytes)) and \(reason). Send less per message (page the result), or raise the limits on both sides.",
                requestID: requestID
            )
        }

        header.payloadLength = UInt32(count)
        header.checksum = computesChecksum ? CRC32.checksum(payload) : 0
        return [UInt8](unsafeUninitializedCapacity: FrameHeader.byteCount + count) { buffer, initializedCount in
            let frame = UnsafeMutableRawBufferPointer(buffer)
            header.write(to: frame)
            if count > 0 {
                UnsafeMutableRawBufferPointer(rebasing: frame[FrameHeader.byteCount...]).copyMemory(from: payload)
            }
            initializedCount = FrameHeader.byteCount + count
        }
    }

    /// Encodes one frame; see the raw-buffer overload.
    public static func encode(
        kind: FrameKind,
        requestID: UInt32,
        method: UInt16 = 0,
        idempotencyKey: [UInt8]? = nil,
        payload: [UInt8],
        limits: FrameLimits = .default,
        allowCompression: Bool = true,
        computesChecksum: Bool = true
    ) throws(FramingError) -> [UInt8] {
        try payload.withTypedUnsafeBytes { (bytes) throws(FramingError) in
            try encode(
                kind: kind, requestID: requestID, method: method, idempotencyKey: idempotencyKey,
                payload: bytes, limits: limits, allowCompression: allowCompression, computesChecksum: computesChecksum
            )
        }
    }

    // MARK: - MAC

    /// Zeroes the CRC field (a MAC'd frame carries none), sets the MAC flag, computes the MAC over
    /// the bytes it covers, and stores it: the one safe order (see the type's overview).
    ///
    /// - Parameters:
    ///   - frame: A frame from `encode`; modified in place.
    ///   - computeMAC: Given header bytes `0..<40` (MAC flag already set) and the wire payload,
    ///     returns the MAC tag. A tag longer than 16 bytes is truncated to its first 16, as the
    ///     protocol truncates HMAC-SHA256.
    /// - Precondition: `frame` is a complete frame and the tag has at least 16 bytes.
    public static func authenticate<E: Error>(
        _ frame: inout [UInt8],
        computeMAC: (_ headerPrefix: UnsafeRawBufferPointer, _ wirePayload: UnsafeRawBufferPointer) throws(E) -> [UInt8]
    ) throws(E) {
        setMACFlag(in: &frame)
        let mac = try frame.withTypedUnsafeBytes { (bytes) throws(E) -> [UInt8] in
            try computeMAC(
                UnsafeRawBufferPointer(rebasing: bytes[0..<FrameHeader.macCoveredByteCount]),
                UnsafeRawBufferPointer(rebasing: bytes[FrameHeader.byteCount...])
            )
        }
        setMAC(mac, in: &frame)
    }

    /// Sets the MAC flag (0x02) in an encoded frame and zeroes its CRC-32 field (a MAC'd frame
    /// carries none). Do this before computing the MAC: both are covered by it.
    ///
    /// - Precondition: `frame` is a complete frame.
    public static func setMACFlag(in frame: inout [UInt8]) {
        checkFrame(frame)
        frame[FrameHeader.Offset.flags] |= FrameFlags.mac.rawValue
        for index in FrameHeader.Offset.checksum..<(FrameHeader.Offset.checksum + 4) { frame[index] = 0 }
    }

    /// Writes the first 16 bytes of `mac` into the MAC field (bytes 40..<56) of an encoded frame.
    ///
    /// - Precondition: `frame` is a complete frame whose MAC flag is already set (so the MAC was
    ///   computed over the flag the receiver will see), and `mac` has at least 16 bytes.
    public static func setMAC(_ mac: [UInt8], in frame: inout [UInt8]) {
        checkFrame(frame)
        precondition(
            frame[FrameHeader.Offset.flags] & FrameFlags.mac.rawValue != 0,
            "Set the MAC flag (FrameWriter.setMACFlag) before computing the MAC: the flag byte is covered by the MAC."
        )
        precondition(mac.count >= FrameHeader.fieldByteCount, "A frame MAC needs 16 bytes, got \(mac.count).")
        for index in 0..<FrameHeader.fieldByteCount {
            frame[FrameHeader.Offset.mac + index] = mac[index]
        }
    }

    /// The byte ranges of an encoded frame that the MAC covers, in order: the header prefix
    /// `0..<40` and the wire payload `56..<frame.count`. (The transport prefixes its u64 big-endian
    /// sequence number, which is not in the frame.)
    ///
    /// - Precondition: `frame` is a complete frame.
    public static func macCoveredRanges(in frame: [UInt8]) -> [Range<Int>] {
        checkFrame(frame)
        return [0..<FrameHeader.macCoveredByteCount, FrameHeader.byteCount..<frame.count]
    }

    // MARK: - Internals

    /// The frame with its payload compressed, or `nil` when compressing does not make the wire
    /// payload smaller than the original (and within `limits.maxPayloadBytes`), or zlib fails: the
    /// caller then sends the payload uncompressed.
    private static func compressedFrame(
        header: FrameHeader,
        payload: UnsafeRawBufferPointer,
        limits: FrameLimits,
        computesChecksum: Bool
    ) -> [UInt8]? {
        let prefix = CompressionEnvelope.prefixByteCount
        // The envelope must be strictly smaller than the payload and within the wire limit; deflate
        // writes straight into the frame and gives up as soon as it would exceed that.
        let streamBudget = min(payload.count - 1, limits.maxPayloadBytes) - prefix
        guard streamBudget > 0 else { return nil }
        let payloadStart = FrameHeader.byteCount
        let streamStart = payloadStart + prefix
        var header = header
        var compressed = false
        let frame = [UInt8](unsafeUninitializedCapacity: streamStart + streamBudget) { buffer, initializedCount in
            initializedCount = 0
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            let streamArea = UnsafeMutableRawBufferPointer(rebasing: bytes[streamStart..<(streamStart + streamBudget)])
            // A zlib failure (only out-of-memory is possible) is not fatal: send uncompressed.
            guard let written = try? Zlib.deflate(payload, into: streamArea) else { return }
            bytes.storeBigEndian(UInt32(payload.count), toByteOffset: payloadStart)
            let wireCount = prefix + written
            header.flags.insert(.compressed)
            header.payloadLength = UInt32(wireCount)
            header.checksum = computesChecksum
                ? CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<(payloadStart + wireCount)]))
                : 0
            header.write(to: bytes)
            initializedCount = payloadStart + wireCount
            compressed = true
        }
        guard compressed else { return nil }
        // The buffer was sized for the worst case; do not keep a large unused tail alive in a send
        // queue when the payload compressed well.
        // (`Array(frame[...])` would share the storage; copy explicitly.)
        if frame.capacity - frame.count > FrameParser.retainedCapacity {
            return [UInt8](unsafeUninitializedCapacity: frame.count) { buffer, initializedCount in
                initializedCount = buffer.initialize(fromContentsOf: frame)
            }
        }
        return frame
    }

    private static func checkFrame(_ frame: [UInt8]) {
        precondition(
            frame.count >= FrameHeader.byteCount && frame.starts(with: FrameHeader.magic),
            "Not an encoded frame (\(frame.count) bytes); pass FrameWriter.encode's result."
        )
    }
}
