/// The outcome of verifying a signed document: every check, and whether all held.
public struct VerificationReport: Codable, Sendable, Equatable {
    /// The signed document.
    public var target: SigningTarget
    /// The revision checked.
    public var revision: Int
    /// The SHA-256 recomputed from the stored bytes.
    public var documentSHA256: String
    /// Each check, in the order made.
    public var checks: [VerificationCheck]

    /// Whether every check held.
    public var valid: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }

    /// A `VerificationReport`.
    public init(target: SigningTarget, revision: Int, documentSHA256: String, checks: [VerificationCheck]) {
        self.target = target
        self.revision = revision
        self.documentSHA256 = documentSHA256
        self.checks = checks
    }
}
