internal import CZlib

/// CRC-32 (IEEE 802.3, the one in zlib, gzip and PNG), computed by the system zlib's `crc32`.
///
/// Frames carry the CRC-32 of their wire payload (compressed bytes when compressed) in header bytes
/// 20..<24. It catches corruption, not tampering: authenticity is the MAC's job.
///
///     CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926
///
/// For data that arrives in pieces, feed each piece to `update(_:)`
/// and read ``value``.
public struct CRC32: Sendable, Hashable {
    /// The checksum of everything fed so far (0 before anything is fed).
    public private(set) var value: UInt32 = 0

    /// Starts a checksum of no bytes.
    public init() {}

    /// Adds `bytes` to the checksum.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        // zlib's crc32(crc, NULL, 0) returns the initial value whatever `crc` is, so an empty
        // buffer (which may have a nil base address) must not reach it.
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var crc = UInt(value)
        var offset = 0
        // `len` is a C `uInt` (32 bits): feed buffers of any size in pieces that fit.
        while offset < bytes.count {
            let length = Swift.min(bytes.count - offset, Int(UInt32.max))
            crc = CZlib.crc32(crc, (base + offset).assumingMemoryBound(to: UInt8.self), UInt32(length))
            offset += length
        }
        value = UInt32(truncatingIfNeeded: crc)
    }

    /// Adds `bytes` to the checksum.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// The CRC-32 of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
