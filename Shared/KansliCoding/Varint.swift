/// Unsigned LEB128 ("varint") and zigzag arithmetic shared by the encoder and the decoder.
///
/// A varint stores 7 bits per byte, least significant group first; the high bit of a byte says
/// that another byte follows. Kansli accepts only the minimal form (no trailing 0x80 0x00 padding)
/// and at most 10 bytes, the tenth holding only the top bit of a 64-bit value.
enum Varint {
    /// The most bytes a varint of a `UInt64` takes.
    static let maxByteCount = 10

    /// How many bytes the minimal varint of `value` takes (1 … 10).
    @inline(__always)
    static func byteCount(_ value: UInt64) -> Int {
        let significantBits = 64 &- (value | 1).leadingZeroBitCount
        return (significantBits &+ 6) / 7
    }

    /// Zigzag maps signed to unsigned so that small magnitudes stay small: 0→0, −1→1, 1→2, −2→3.
    @inline(__always)
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value &<< 1) ^ (value &>> 63))
    }

    /// The inverse of `zigzag(_:)`.
    @inline(__always)
    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: (value &>> 1) ^ (0 &- (value & 1)))
    }
}
