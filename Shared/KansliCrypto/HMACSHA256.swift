/// HMAC-SHA256 (RFC 2104, FIPS 198-1): a keyed message authentication code of 32 bytes.
///
/// `init(key:)` hashes the key's inner and outer padded blocks once and keeps the two SHA-256
/// states. A keyed value is a plain value with no heap storage: copy it and update the copy to
/// authenticate each message, and the key is never hashed again.
///
/// ```swift
/// let keyed = HMACSHA256(key: sessionKey)     // once per session
/// var mac = keyed                              // per message: a copy, no re-keying
/// mac.update(header)
/// mac.update(payload)
/// let tag = mac.finalize()
/// ```
///
/// Compare tags with ``ConstantTime/equals(_:_:)``, never with `==`.
public struct HMACSHA256: Sendable {
    /// The length of a full authentication code in bytes (32).
    public static let byteCount = SHA256.digestByteCount

    /// SHA-256 of (key ⊕ ipad) followed by the message so far.
    @usableFromInline internal var inner: SHA256
    /// SHA-256 of (key ⊕ opad) alone; finalize() copies it and adds the inner digest.
    @usableFromInline internal let outer: SHA256

    /// Creates an authenticator for `key`, which may have any length: keys longer than 64 bytes
    /// are first hashed, shorter ones padded with zeros (RFC 2104 §2).
    public init(key: [UInt8]) {
        self.init(key: key, backend: .default)
    }

    /// Creates an authenticator for `key` whose SHA-256 computations use `backend`.
    public init(key: [UInt8], backend: SHA256.Backend) {
        var inner = SHA256(backend: backend)
        var outer = SHA256(backend: backend)
        let blockByteCount = SHA256.blockByteCount
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: blockByteCount) { pad in
            pad.initialize(repeating: 0)
            if key.count > blockByteCount {
                var keyHash = SHA256(backend: backend)
                keyHash.update(key)
                for (index, byte) in keyHash.finalize().enumerated() { pad[index] = byte }
            } else {
                for (index, byte) in key.enumerated() { pad[index] = byte }
            }
            for index in 0..<blockByteCount { pad[index] ^= 0x36 }
            inner.update(UnsafeRawBufferPointer(pad))
            for index in 0..<blockByteCount { pad[index] ^= 0x36 ^ 0x5c }
            outer.update(UnsafeRawBufferPointer(pad))
            // Do not leave key material in the stack slot.
            for index in 0..<blockByteCount { pad[index] = 0 }
        }
        self.inner = inner
        self.outer = outer
    }

    /// Adds `bytes` to the message.
    @inlinable
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        inner.update(bytes)
    }

    /// Adds `bytes` to the message.
    @inlinable
    public mutating func update(_ bytes: [UInt8]) {
        inner.update(bytes)
    }

    /// Adds the bytes of any byte sequence (`ArraySlice<UInt8>`, `String.UTF8View`, …).
    @inlinable
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        inner.update(bytes)
    }

    /// Returns the 32-byte authentication code of everything added so far.
    ///
    /// Does not change this value. Callers that send a truncated code (for example the first 16
    /// bytes) take a prefix of this.
    public func finalize() -> [UInt8] {
        var outerHash = outer
        outerHash.update(inner.finalize())
        return outerHash.finalize()
    }

    /// Returns HMAC-SHA256(`key`, `message`) (32 bytes).
    public static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        var mac = HMACSHA256(key: key)
        mac.update(message)
        return mac.finalize()
    }
}
