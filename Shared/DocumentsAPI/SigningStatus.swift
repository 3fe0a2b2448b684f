import KansliProtocol

/// Where a signed document stands after a signature: who has signed, who has not, and whether
/// it is justerat.
public struct SigningStatus: Codable, Sendable, Equatable {
    /// The signed document.
    public var target: SigningTarget
    /// The revision signed.
    public var revision: Int
    /// Its SHA-256.
    public var documentSHA256: String
    /// The signatures given.
    public var signatures: [SignatureRecord]
    /// The person ids still to sign.
    public var pending: [String]
    /// The day the last required signature came in, once every one has.
    public var justeratOn: CalendarDate?

    /// A `SigningStatus`.
    public init(target: SigningTarget, revision: Int, documentSHA256: String, signatures: [SignatureRecord], pending: [String],
                justeratOn: CalendarDate? = nil) {
        self.target = target
        self.revision = revision
        self.documentSHA256 = documentSHA256
        self.signatures = signatures
        self.pending = pending
        self.justeratOn = justeratOn
    }
}
