/// Why bytes or text are not a valid Ed25519 key or point: a stable ``code`` to branch on and a
/// ``message`` that says what was wrong.
///
/// Signature verification does not throw: a signature that is malformed, non-canonical or simply
/// wrong is `false` from ``Ed25519/PublicKey/isValidSignature(_:for:)``.
public struct Ed25519Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is. Open-ended: codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name, e.g. `"wrongLength"`.
        public let name: String

        private init(_ name: String) { self.name = name }

        /// A key, seed or encoding has the wrong number of bytes.
        public static let wrongLength = Code("wrongLength")
        /// The bytes are not the one canonical encoding of a point (y ≥ 2^255 - 19, or x = 0
        /// with the sign bit set).
        public static let nonCanonicalEncoding = Code("nonCanonicalEncoding")
        /// The bytes name no point on the curve: y has no matching x.
        public static let notOnCurve = Code("notOnCurve")
        /// PEM text is not exactly one armoured block with the expected label and 64-character
        /// base64 lines.
        public static let malformedPEM = Code("malformedPEM")
        /// The DER inside the PEM is not the exact RFC 8410 structure of an Ed25519 key.
        public static let unexpectedDER = Code("unexpectedDER")

        /// The stable name.
        public var description: String { name }
    }

    /// What kind of problem it is.
    public let code: Code
    /// What is wrong, in words a person can act on.
    public let message: String

    /// An error of kind `code` saying `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// "Ed25519 <code>: <message>".
    public var description: String { "Ed25519 \(code): \(message)" }
}
