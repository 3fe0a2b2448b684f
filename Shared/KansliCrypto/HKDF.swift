/// HKDF with HMAC-SHA256 (RFC 5869): turns input keying material into one or more keys.
///
/// Use ``deriveKey(ikm:salt:info:count:)`` for the usual extract-then-expand, or the two steps
/// apart when one pseudorandom key feeds several expansions.
public enum HKDF {
    /// The most bytes one expansion can produce: 255 × 32 = 8160 (RFC 5869 §2.3).
    public static let maximumOutputByteCount = 255 * SHA256.digestByteCount

    /// Derives `count` bytes from input keying material `ikm`, an optional `salt` (empty means
    /// 32 zero bytes, as RFC 5869 specifies) and context `info`.
    ///
    /// - Precondition: `0 <= count <= maximumOutputByteCount` (a programming error otherwise).
    public static func deriveKey(ikm: [UInt8], salt: [UInt8] = [], info: [UInt8] = [], count: Int) -> [UInt8] {
        expand(pseudorandomKey: extract(salt: salt, ikm: ikm), info: info, count: count)
    }

    /// HKDF-Extract (RFC 5869 §2.2): PRK = HMAC-SHA256(salt, IKM), 32 bytes.
    public static func extract(salt: [UInt8], ikm: [UInt8]) -> [UInt8] {
        // An empty salt and 32 zero bytes give the same HMAC key block.
        HMACSHA256.authenticate(ikm, key: salt)
    }

    /// HKDF-Expand (RFC 5869 §2.3): T(1) | T(2) | … truncated to `count` bytes, where
    /// T(i) = HMAC-SHA256(PRK, T(i-1) | info | i).
    ///
    /// - Precondition: `0 <= count <= maximumOutputByteCount` (a programming error otherwise).
    public static func expand(pseudorandomKey: [UInt8], info: [UInt8], count: Int) -> [UInt8] {
        precondition(
            count >= 0 && count <= maximumOutputByteCount,
            "HKDF-SHA256 can produce 0...\(maximumOutputByteCount) bytes, not \(count)")
        let keyed = HMACSHA256(key: pseudorandomKey)
        var output: [UInt8] = []
        output.reserveCapacity(count)
        var previous: [UInt8] = []
        var counter: UInt8 = 1
        while output.count < count {
            var mac = keyed
            mac.update(previous)
            mac.update(info)
            mac.update(CollectionOfOne(counter))
            previous = mac.finalize()
            output.append(contentsOf: previous.prefix(count - output.count))
            counter &+= 1
        }
        return output
    }
}
