import CKansliSHA

extension SHA256 {
    /// Runs the compression function over `blockCount` consecutive 64-byte blocks at `data`
    /// (any alignment), on the SHA-NI block function when `accelerated` is true.
    ///
    /// Not inlinable on purpose: clients never see the C module, and the call costs nothing next
    /// to even one block.
    @usableFromInline
    internal static func compress(
        _ state: inout State, _ data: UnsafeRawPointer, blockCount: Int, accelerated: Bool
    ) {
        if accelerated {
            withUnsafeMutablePointer(to: &state) { tuple in
                // A homogeneous tuple of UInt32 has the layout of a UInt32[8] array.
                tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                    kansli_sha256_ni_compress(words, data, blockCount)
                }
            }
        } else {
            compressPortable(&state, data, blockCount: blockCount)
        }
    }
}
