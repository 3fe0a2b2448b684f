extension Ed25519 {
    /// An Ed25519 private key: a 32-byte seed, and what RFC 8032 §5.1.5 derives from it (the
    /// clamped secret scalar, the nonce prefix and the public key), computed once here.
    ///
    /// Its `description` shows only the public key, so a key that ends up in a log or a test
    /// failure message does not disclose its seed.
    public struct PrivateKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
        /// The 32-byte seed: the private key as RFC 8032 and PKCS #8 (``Ed25519PEM``) store it.
        public let seed: [UInt8]
        /// The public key that verifies this key's signatures.
        public let publicKey: PublicKey
        /// s: the first half of SHA-512(seed) with bits 0–2 and 255 cleared and bit 254 set.
        private let secretScalar: Scalar
        /// The second half of SHA-512(seed), hashed with each message into the nonce r.
        private let prefix: [UInt8]

        /// The key with this seed.
        ///
        /// - Throws: ``Ed25519Error`` with ``Ed25519Error/Code/wrongLength`` unless `seed` is
        ///   32 bytes.
        public init(seed: [UInt8]) throws(Ed25519Error) {
            guard seed.count == Ed25519.seedByteCount else {
                throw Ed25519Error(.wrongLength, "a private key's seed is \(Ed25519.seedByteCount) bytes, not \(seed.count)")
            }
            let digest = SHA512.hash(seed)
            var scalarBytes = Array(digest[0..<32])
            scalarBytes[0] &= 0b1111_1000
            scalarBytes[31] &= 0b0111_1111
            scalarBytes[31] |= 0b0100_0000
            let scalar = Scalar(bytes: scalarBytes[...])
            let point = Ed25519.multiplyBase(scalar)
            self.seed = seed
            secretScalar = scalar
            prefix = Array(digest[32..<64])
            publicKey = PublicKey(bytes: point.encoded, point: point)
        }

        /// A new key from ``SecureRandom``.
        public static func generate() -> PrivateKey {
            do {
                return try PrivateKey(seed: SecureRandom.bytes(Ed25519.seedByteCount))
            } catch {
                preconditionFailure("a \(Ed25519.seedByteCount)-byte seed was refused: \(error)")
            }
        }

        /// The 64-byte signature of `message` (RFC 8032 §5.1.6): deterministic, so signing the
        /// same message twice gives the same bytes.
        public func sign(_ message: [UInt8]) -> [UInt8] {
            var nonceHasher = SHA512()
            nonceHasher.update(prefix)
            nonceHasher.update(message)
            let r = Scalar(reducing: nonceHasher.finalize())
            let encodedR = Ed25519.multiplyBase(r).encoded
            var challengeHasher = SHA512()
            challengeHasher.update(encodedR)
            challengeHasher.update(publicKey.bytes)
            challengeHasher.update(message)
            let k = Scalar(reducing: challengeHasher.finalize())
            let s = Scalar.multiplyAdd(k, secretScalar, r)
            return encodedR + s.bytes
        }

        /// Names the public key only, never the seed.
        public var description: String { "Ed25519.PrivateKey(public: \(Hex.encode(publicKey.bytes)))" }

        /// Names the public key only, never the seed.
        public var debugDescription: String { description }
    }
}
