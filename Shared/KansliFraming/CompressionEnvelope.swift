/// The wire form of a compressed payload (flag 0x01): a u32 big-endian inflated length, then one
/// zlib (RFC 1950) stream and nothing after it.
///
/// The stated length lets the receiver refuse an oversized payload, and allocate exactly, before
/// inflating a byte; inflating must then produce exactly that many bytes.
enum CompressionEnvelope {
    /// The size of the inflated-length prefix.
    static let prefixByteCount = 4

    /// Inflates a compressed wire payload.
    ///
    /// - Throws: `decompressionFailed` when the envelope is shorter than its prefix or the stream
    ///   is bad, `decompressedTooLarge` when the stated length is over
    ///   `limits.maxDecompressedBytes` (before inflating), `decompressedLengthMismatch` when the
    ///   stream inflates to a different length.
    static func open(_ wirePayload: [UInt8], limits: FrameLimits) throws(FramingError) -> [UInt8] {
        try wirePayload.withTypedUnsafeBytes { (bytes) throws(FramingError) -> [UInt8] in
            guard bytes.count >= prefixByteCount else {
                throw FramingError(
                    code: .decompressionFailed,
                    message: "A compressed payload of \(bytes.count) bytes is shorter than its \(prefixByteCount)-byte inflated-length prefix."
                )
            }
            let stated = bytes.loadBigEndian(fromByteOffset: 0, as: UInt32.self)
            return try Zlib.decompress(
                UnsafeRawBufferPointer(rebasing: bytes[prefixByteCount...]),
                expectedCount: Int(stated),
                limit: limits.maxDecompressedBytes
            )
        }
    }
}
