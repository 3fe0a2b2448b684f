// `Array.withUnsafeBytes` is `rethrows`, which erases a typed error to `any Error`. This keeps
// `FramingError` typed through the closure so the public API can say `throws(FramingError)`.

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` that preserves the closure's typed error.
    func withTypedUnsafeBytes<R, E: Error>(
        _ body: (UnsafeRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        let result: Result<R, E> = withUnsafeBytes { bytes in
            Result { () throws(E) -> R in try body(bytes) }
        }
        return try result.get()
    }
}
