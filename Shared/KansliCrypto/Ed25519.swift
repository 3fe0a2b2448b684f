/// Ed25519 signatures (RFC 8032 §5.1, "pure" Ed25519: no pre-hash, no context), written for this
/// project in Swift on top of ``SHA512``.
///
/// ```swift
/// let key = Ed25519.PrivateKey.generate()
/// let signature = key.sign(statement)                           // 64 bytes
/// let publicKey = try Ed25519.PublicKey(bytes: key.publicKey.bytes)
/// publicKey.isValidSignature(signature, for: statement)        // true
/// ```
///
/// Signing takes time independent of the secret scalar and nonce: the base point's multiples are
/// looked up with masked selection over whole table rows, and field and scalar arithmetic never
/// branch on secret values. Verification is variable time (its inputs are public) and strict:
/// S must be below the group order, A must decode canonically, and the check is the cofactorless
/// equation [S]B = R + [k]A, done by comparing the encoding of [S]B - [k]A with the signature's R.
///
/// Keys in PEM (RFC 8410) are in ``Ed25519PEM``.
public enum Ed25519 {
    /// The length of a public key, in bytes (32).
    public static let publicKeyByteCount = 32
    /// The length of a private key's seed, in bytes (32).
    public static let seedByteCount = 32
    /// The length of a signature, in bytes (64): R (a point) then S (a scalar), both little-endian.
    public static let signatureByteCount = 64

    /// [s]B - [k]A for public s, k and A, in variable time: width-5 NAF of k over A's odd multiples
    /// (one doubling per bit, an addition about every sixth), then the fixed-base [s]B.
    internal static func verificationPoint(s: Scalar, k: Scalar, oddMultiplesOfA: [CachedPoint]) -> ExtendedPoint {
        let digits = k.nonAdjacentForm(width: 5)
        var kA = ExtendedPoint.identity
        if let top = digits.lastIndex(where: { $0 != 0 }) {
            for index in stride(from: top, through: 0, by: -1) {
                kA = kA.doubled()
                let digit = Int(digits[index])
                if digit > 0 {
                    kA = kA.adding(oddMultiplesOfA[digit / 2])
                } else if digit < 0 {
                    kA = kA.subtracting(oddMultiplesOfA[-digit / 2])
                }
            }
        }
        return multiplyBase(s).subtracting(kA.cached)
    }

    /// A, 3A, 5A, …, 15A: the digits a width-5 NAF needs.
    internal static func oddMultiples(of point: ExtendedPoint) -> [CachedPoint] {
        let twice = point.doubled().cached
        var multiples = [point.cached]
        var current = point
        for _ in 1..<8 {
            current = current.adding(twice)
            multiples.append(current.cached)
        }
        return multiples
    }
}
