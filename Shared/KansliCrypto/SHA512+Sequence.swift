extension SHA512 {
    /// Adds the bytes of any byte sequence: `ArraySlice<UInt8>`, `String.UTF8View`,
    /// `UnsafeBufferPointer<UInt8>`, a lazy map…
    ///
    /// Contiguous sequences are hashed in place; others are copied through a 256-byte stack buffer.
    @inlinable
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { contiguous in
            update(UnsafeRawBufferPointer(contiguous))
        }
        if handled != nil { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { chunk in
            var count = 0
            for byte in bytes {
                chunk[count] = byte
                count += 1
                if count == chunk.count {
                    update(UnsafeRawBufferPointer(chunk))
                    count = 0
                }
            }
            update(UnsafeRawBufferPointer(start: chunk.baseAddress, count: count))
        }
    }

    /// Returns the SHA-512 digest of any byte sequence (64 bytes).
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = SHA512()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
