// Big-endian integer access at byte offsets, for the frame header and the compression envelope.
// Loads are unaligned: header fields sit at arbitrary offsets of a receive buffer. Callers check
// the bounds first (the header is only read once all 56 bytes are there).

extension UnsafeRawBufferPointer {
    /// The big-endian integer at `offset`; the caller guarantees `offset + size <= count`.
    func loadBigEndian<T: FixedWidthInteger>(fromByteOffset offset: Int, as type: T.Type) -> T {
        T(bigEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

extension UnsafeMutableRawBufferPointer {
    /// Stores `value` big-endian at `offset`; the caller guarantees `offset + size <= count`.
    func storeBigEndian<T: FixedWidthInteger>(_ value: T, toByteOffset offset: Int) {
        storeBytes(of: value.bigEndian, toByteOffset: offset, as: T.self)
    }
}
