import DocumentsAPI
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliSigning
import RegistryAPI

/// What a signature must be to count, as pure functions: who signs which document, and the
/// checks of a submitted statement against the document, the signer and the key.
enum SigningRules {
    /// The most a statement may be (docs/SIGNING.md §1).
    static let maximumStatementBytes = 16_384
    /// How far a statement's time may be from the service's clock.
    static let allowedClockSkew: Int64 = 5 * 60 * 1_000_000

    /// The statement's role for a protocol role.
    static func signingRole(_ role: SignerRole) -> SigningRole {
        SigningRole(protocolRole: role.rawValue)!  // SignerRole's every case has a SigningRole (SigningRulesTests)
    }

    /// The target a statement is about.
    static func target(of statement: SignatureStatement) -> SigningTarget {
        // The two enumerations share their wire values (protokoll, paragraf, utdrag; a test holds them together).
        SigningTarget(meeting: MeetingRef(committee: statement.committee, date: CalendarDate(statement.meetingDate)),
                      kind: SignedKind(rawValue: statement.kind.rawValue)!, paragraph: statement.paragraph)
    }

    /// Who must sign `target`: the whole protocol's signers; for a paragraph under omedelbar
    /// justering, the secretary, its chair and the justerare; for an extract, the secretary.
    static func signers(for target: SigningTarget, meeting: Meeting) throws -> [RequiredSigner] {
        guard let details = meeting.content.protocol else {
            throw ServiceError.conflict("the protocol of \(MeetingStore.name(meeting.ref)) has no justerare or secretary yet (documents.protocol.set)", field: "meeting")
        }
        switch target.kind {
        case .protokoll:
            return SignerRules.requiredSigners(paragraphs: meeting.content.paragraphs, details: details, attendance: meeting.content.attendance)
        case .paragraf:
            let paragraph = try self.paragraph(target, in: meeting)
            guard paragraph.content.immediateJustering else {
                throw ServiceError.conflict("§ \(paragraph.number) was not justerad at once (omedelbar justering); it is signed with the protocol", field: "paragraph")
            }
            return SignerRules.requiredSigners(paragraphs: [paragraph], details: details, attendance: meeting.content.attendance)
        case .utdrag:
            _ = try self.paragraph(target, in: meeting)
            return [RequiredSigner(person: details.secretary, name: details.secretaryName, roles: [.secretary])]
        }
    }

    /// The paragraph a `paragraf` or `utdrag` target names.
    static func paragraph(_ target: SigningTarget, in meeting: Meeting) throws -> Paragraph {
        guard let number = target.paragraph else {
            throw ServiceError.validation("a \(target.kind.rawValue) is of one paragraph: give its number", field: "paragraph")
        }
        guard let paragraph = meeting.content.paragraphs.first(where: { $0.number == number }) else {
            throw ServiceError.notFound("the meeting of \(MeetingStore.name(meeting.ref)) has no § \(number)", field: "paragraph")
        }
        return paragraph
    }

    /// Checks a parsed statement against the document it claims, the required signers, the
    /// signer the calling key belongs to, and the clock; returns the required signer it is.
    static func check(_ statement: SignatureStatement, document: SigningStore.Frozen, revision: Int, signers: [RequiredSigner],
                      caller: SignerIdentity, signed: [SignatureRecord], now: Timestamp) throws -> RequiredSigner {
        let target = document.target
        guard statement.revision == revision else {
            throw ServiceError.conflict("the statement signs revision \(statement.revision), but the protocol of \(MeetingStore.name(target.meeting)) is at revision \(revision): fetch a new draft", field: "statement.revision")
        }
        guard statement.signerID == caller.client.person, statement.committee == caller.client.committee else {
            throw ServiceError(.forbidden, "this key signs for \(caller.client.committee)/\(caller.client.person), but the statement names \(ServiceError.quote(statement.committee))/\(ServiceError.quote(statement.signerID))", field: "statement.signer")
        }
        guard let signer = signers.first(where: { $0.person == statement.signerID }) else {
            throw ServiceError(.forbidden, "\(statement.signerID) is not a required signer of the \(target.kind.rawValue) of \(MeetingStore.name(target.meeting)); those who sign are \(signers.map(\.name).joined(separator: ", "))", field: "statement.signer")
        }
        guard !signed.contains(where: { $0.person == signer.person }) else {
            throw ServiceError.conflict("\(signer.name) has already signed revision \(revision) of the \(target.kind.rawValue) of \(MeetingStore.name(target.meeting))", field: "statement.signer")
        }
        let roles = Set(signer.roles.map(signingRole))
        guard statement.roles == roles else {
            throw ServiceError.validation("\(signer.name) signs for \(roles.sorted().map(\.rawValue).joined(separator: ", ")), not \(statement.roles.sorted().map(\.rawValue).joined(separator: ", "))", field: "statement.roles")
        }
        guard statement.signerName == signer.name else {
            throw ServiceError.validation("the protocol writes the signer's name \(ServiceError.quote(signer.name)), not \(ServiceError.quote(statement.signerName))", field: "statement.name")
        }
        let hash = Hex.encode(statement.documentHash, uppercase: true)
        guard hash == document.sha256 else {
            throw ServiceError.conflict("the statement signs a document with hash \(hash.prefix(16))…, but revision \(revision) hashes to \(document.sha256.prefix(16))…: the document changed since the draft", field: "statement.document-sha256")
        }
        guard statement.annexHash.map({ Hex.encode($0, uppercase: true) }) == document.annexSHA256 else {
            throw ServiceError.conflict("the statement's annex hash does not match the document's confidential annex (\(document.annexSHA256.map { "\($0.prefix(16))…" } ?? "none"))", field: "statement.annex-sha256")
        }
        guard statement.sourceHash.map({ Hex.encode($0, uppercase: true) }) == document.sourceSHA256 else {
            throw ServiceError.conflict("the statement's source hash does not match the justerat protocol the extract is taken from", field: "statement.source-sha256")
        }
        let skew = statement.time.microsecondsSince1970 - now.microsecondsSince1970
        guard abs(skew) <= allowedClockSkew else {
            throw ServiceError.validation("the statement's time \(statement.time.iso8601(.milliseconds)) is \(abs(skew) / 60_000_000) minutes from the service's clock (\(now.iso8601(.milliseconds))); it must be within 5 minutes", field: "statement.time")
        }
        return signer
    }

    /// The registry key that verifies `signature`, among those usable on the statement's
    /// Stockholm day; the refusal names why when none does (revoked, not yet valid, expired, or
    /// no key of the signer's at all).
    static func verifyingKey(statementBytes: [UInt8], signature: [UInt8], usable: [SigningKey], all: [SigningKey],
                             day: CalendarDate, signer: String) throws -> SigningKey {
        func verifies(_ key: SigningKey) -> Bool {
            guard let bytes = Hex.decode(key.publicKey), let publicKey = try? Ed25519.PublicKey(bytes: bytes) else { return false }
            return publicKey.isValidSignature(signature, for: statementBytes)
        }
        if let key = usable.first(where: verifies) { return key }
        if let key = all.first(where: verifies) {
            if let revoked = key.revokedOn, revoked <= day {
                throw ServiceError(.forbidden, "the signature is made with key \(key.id) of \(signer), revoked on \(revoked); the statement is dated \(day)", field: "signature")
            }
            if key.validFrom > day {
                throw ServiceError(.forbidden, "the signature is made with key \(key.id) of \(signer), valid only from \(key.validFrom); the statement is dated \(day)", field: "signature")
            }
            throw ServiceError(.forbidden, "the signature is made with key \(key.id) of \(signer), not valid on \(day)", field: "signature")
        }
        throw ServiceError(.forbidden, "the signature does not verify with any signing key the registry holds for \(signer) (\(all.count) registered): a wrong key or a changed statement", field: "signature")
    }
}

extension Meeting {
    /// The meeting's reference.
    var ref: MeetingRef { MeetingRef(committee: committee, date: date) }
}
