import KansliPlatform
import KansliProtocol

/// What a signer needs to sign: the exact document (frozen bytes once the first signature is
/// in, else what freezing would store), its hashes, the service's clock for the statement's
/// time, who must sign and who has.
public struct SigningDraft: Codable, Sendable, Equatable {
    /// The signed document.
    public var target: SigningTarget
    /// The protocol's current revision.
    public var revision: Int
    /// Whether the bytes are frozen (stored) already.
    public var frozen: Bool
    /// The document's text (HTML); its UTF-8 bytes are what is hashed.
    public var document: String
    /// SHA-256 of `document`, 64 upper-case hexadecimal digits.
    public var documentSHA256: String
    /// SHA-256 of the confidential annex signed with it, when the protocol has one.
    public var annexSHA256: String?
    /// For `utdrag`: the SHA-256 of the justerat protocol the extract is taken from.
    public var sourceSHA256: String?
    /// The documents service's clock: the statement's time.
    public var serviceTime: Timestamp
    /// Who must sign, each once.
    public var signers: [RequiredSigner]
    /// The signatures given for this revision so far.
    public var signatures: [SignatureRecord]

    /// A `SigningDraft`.
    public init(target: SigningTarget, revision: Int, frozen: Bool, document: String, documentSHA256: String,
                annexSHA256: String? = nil, sourceSHA256: String? = nil, serviceTime: Timestamp, signers: [RequiredSigner],
                signatures: [SignatureRecord]) {
        self.target = target
        self.revision = revision
        self.frozen = frozen
        self.document = document
        self.documentSHA256 = documentSHA256
        self.annexSHA256 = annexSHA256
        self.sourceSHA256 = sourceSHA256
        self.serviceTime = serviceTime
        self.signers = signers
        self.signatures = signatures
    }
}
