extension Ed25519 {
    /// An Ed25519 public key: 32 bytes that decode to a point on the curve.
    ///
    /// Equal keys are the same 32 bytes. Creating one decodes the point and precomputes what
    /// verification needs, so keep and reuse a key that verifies many signatures.
    public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
        /// The 32-byte encoding (RFC 8032 §5.1.2).
        public let bytes: [UInt8]
        /// A, 3A, …, 15A for the verifier.
        internal let oddMultiples: [CachedPoint]

        /// The key that `bytes` encode.
        ///
        /// - Throws: ``Ed25519Error`` with ``Ed25519Error/Code/wrongLength`` unless there are
        ///   32 bytes, ``Ed25519Error/Code/nonCanonicalEncoding`` or
        ///   ``Ed25519Error/Code/notOnCurve`` unless they are the canonical encoding of a point
        ///   (RFC 8032 §5.1.3).
        public init(bytes: [UInt8]) throws(Ed25519Error) {
            guard bytes.count == Ed25519.publicKeyByteCount else {
                throw Ed25519Error(.wrongLength, "a public key is \(Ed25519.publicKeyByteCount) bytes, not \(bytes.count)")
            }
            let point = try ExtendedPoint.decode(bytes)
            self.bytes = bytes
            oddMultiples = Ed25519.oddMultiples(of: point)
        }

        /// For a private key's own public key, whose point is already known.
        internal init(bytes: [UInt8], point: ExtendedPoint) {
            self.bytes = bytes
            oddMultiples = Ed25519.oddMultiples(of: point)
        }

        /// Whether `signature` is a valid Ed25519 signature of `message` by this key, checked
        /// strictly by RFC 8032 §5.1.7 with the cofactorless equation.
        ///
        /// False for a signature of the wrong length, whose S is not below the group order L, or
        /// whose R is not the canonical encoding of the point [S]B - [k]A (which also rules out
        /// an R that does not decode: the computed encoding always does).
        public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
            guard signature.count == Ed25519.signatureByteCount,
                  let s = Scalar(canonical: signature[32..<64]) else { return false }
            var hasher = SHA512()
            signature.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<32])) }
            hasher.update(bytes)
            hasher.update(message)
            let k = Scalar(reducing: hasher.finalize())
            let check = Ed25519.verificationPoint(s: s, k: k, oddMultiplesOfA: oddMultiples).encoded
            return check.elementsEqual(signature[0..<32])
        }

        /// Whether the two keys are the same 32 bytes.
        public static func == (a: PublicKey, b: PublicKey) -> Bool {
            a.bytes == b.bytes
        }

        /// Hashes the 32 bytes, consistently with `==`.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(bytes)
        }

        /// The key as 64 lowercase hex digits.
        public var description: String { "Ed25519.PublicKey(\(Hex.encode(bytes)))" }
    }
}
