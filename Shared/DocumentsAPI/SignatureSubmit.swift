/// A signature to record: the statement exactly as signed and its raw Ed25519 signature. The
/// statement names the meeting, revision, paragraph and hashes it covers.
public struct SignatureSubmit: Codable, Sendable, Equatable {
    /// The signature statement (docs/SIGNING.md §2), UTF-8 text with LF line ends.
    public var statement: String
    /// The 64-byte Ed25519 signature over the statement's bytes.
    public var signature: [UInt8]

    /// A `SignatureSubmit`.
    public init(statement: String, signature: [UInt8]) {
        self.statement = statement
        self.signature = signature
    }
}
