import KansliCrypto
import KansliPlatform

/// What a signer signs: exact UTF-8 text (docs/SIGNING.md §2) whose Ed25519 signature binds one
/// document's SHA-256 to its committee, meeting, revision, paragraph, signer, roles and time.
///
/// The statement, not the document, is what the key signs, so a signature says *who* signed
/// *which* bytes *as what* and *when*; lifted onto another protocol, revision, paragraph or role
/// it no longer verifies.
public struct SignatureStatement: Sendable, Equatable {
    /// The first line, which names the format and its version.
    public static let header = "Kansli signature statement v1"

    public var kind: StatementKind
    /// The committee's code (`NBE`).
    public var committee: String
    /// The day of the meeting.
    public var meetingDate: CivilDate
    /// The protocol's revision (1 for the first; an edit after a signature makes the next).
    public var revision: Int
    /// The paragraph number, for `paragraf` and `utdrag`; nil for a whole protocol.
    public var paragraph: Int?
    /// The SHA-256 of the signed file (the protocol, the paragraph or the extract).
    public var documentHash: [UInt8]
    /// The SHA-256 of the confidential annex signed with it, if there is one.
    public var annexHash: [UInt8]?
    /// For an extract, the SHA-256 of the protocol it is taken from.
    public var sourceHash: [UInt8]?
    /// The signer's stable id in the registry (`isak-utsi`).
    public var signerID: String
    /// The signer's name as the protocol writes it.
    public var signerName: String
    /// The roles signed for, at least one.
    public var roles: Set<SigningRole>
    /// When it was signed (UTC, to the millisecond); a key's validity is judged on the
    /// Europe/Stockholm date of this time.
    public var time: Timestamp

    public init(kind: StatementKind, committee: String, meetingDate: CivilDate, revision: Int, paragraph: Int? = nil,
                documentHash: [UInt8], annexHash: [UInt8]? = nil, sourceHash: [UInt8]? = nil,
                signerID: String, signerName: String, roles: Set<SigningRole>, time: Timestamp) {
        self.kind = kind
        self.committee = committee
        self.meetingDate = meetingDate
        self.revision = revision
        self.paragraph = paragraph
        self.documentHash = documentHash
        self.annexHash = annexHash
        self.sourceHash = sourceHash
        self.signerID = signerID
        self.signerName = signerName
        self.roles = roles
        self.time = time
    }

    /// The Stockholm date of `time`, on which the signer's key must be valid.
    public var stockholmDate: CivilDate { StockholmTime.today(at: time) }

    static let fieldNames = ["kind", "committee", "meeting", "revision", "paragraph", "document-sha256",
                             "annex-sha256", "source-sha256", "signer", "name", "roles", "time"]
}
