import DocumentsAPI
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliService
import KansliSigning

// Verification of a signed document against its stored bytes, signatures, rows and log; and the
// export folder that lets anyone do the same without Kansli.
extension DocumentsHandlers {
    /// The stored document of `target`: at the meeting's revision, else the latest revision
    /// that has one (a revision replaced after signing keeps its bytes).
    static func storedDocument(_ target: SigningTarget, meeting: Meeting, store: SigningStore) throws -> SigningStore.Frozen {
        if let frozen = try store.latestFrozen(target, atMost: meeting.revision) { return frozen }
        throw ServiceError.notFound("the \(target.kind.rawValue) of \(MeetingStore.name(target.meeting))\(target.paragraph.map { " § \($0)" } ?? "") has no signature yet, so nothing is frozen to verify", field: "meeting")
    }

    static func signingVerify(_ request: SigningTarget, _ context: HandlerContext) throws -> VerificationReport {
        let target = try canonical(request)
        let meeting = try MeetingStore(connection: context.connection).meeting(target.meeting)
        let store = SigningStore(connection: context.connection)
        let document = try storedDocument(target, meeting: meeting, store: store)
        var checks: [VerificationCheck] = []
        let recomputed = Hex.encode(SHA256.hash(document.bytes), uppercase: true)
        checks.append(VerificationCheck(subject: "document hash", passed: recomputed == document.sha256,
                                        detail: recomputed == document.sha256 ? "SHA-256 of the stored bytes is \(recomputed)"
                                            : "the stored bytes hash to \(recomputed), not the \(document.sha256) recorded when they were frozen"))
        if let annex = document.annex {
            let annexHash = Hex.encode(SHA256.hash(annex), uppercase: true)
            checks.append(VerificationCheck(subject: "annex hash", passed: annexHash == document.annexSHA256,
                                            detail: annexHash == document.annexSHA256 ? "SHA-256 of the stored annex is \(annexHash)"
                                                : "the stored annex hashes to \(annexHash), not \(document.annexSHA256 ?? "-")"))
        }
        let signatures = try store.signatures(target, revision: document.revision)
        for signature in signatures {
            checks.append(check(signature, target: target, revision: document.revision, documentHash: recomputed,
                                annexHash: document.annex.map { Hex.encode(SHA256.hash($0), uppercase: true) }, sourceHash: document.sourceSHA256))
        }
        let signers = try SigningRules.signers(for: target, meeting: meeting)
        let pending = signers.filter { signer in !signatures.contains { $0.person == signer.person } }
        if document.revision == meeting.revision {
            checks.append(VerificationCheck(subject: "signatures", passed: pending.isEmpty,
                                            detail: pending.isEmpty ? "all \(signers.count) required signers have signed"
                                                : "\(signatures.count) of \(signers.count) signed; still to sign: \(pending.map(\.name).joined(separator: ", "))"))
            checks += rowChecks(target, meeting: meeting, document: document)
        } else {
            checks.append(VerificationCheck(subject: "revision", passed: false,
                                            detail: "revision \(document.revision) was signed, but the protocol is now at revision \(meeting.revision): its signatures no longer count"))
        }
        checks += try logChecks(target, document: document, store: store)
        return VerificationReport(target: target, revision: document.revision, documentSHA256: recomputed, checks: checks)
    }

    /// One signature: its statement names this document, and the key it relied on verifies it.
    static func check(_ record: SignatureRecord, target: SigningTarget, revision: Int, documentHash: String, annexHash: String?,
                      sourceHash: String?) -> VerificationCheck {
        let subject = "signature of \(record.name)"
        let statement: SignatureStatement
        do {
            statement = try SignatureStatement(parsing: Array(record.statement.utf8))
        } catch {
            return VerificationCheck(subject: subject, passed: false, detail: "the stored statement is malformed: \(error)")
        }
        var problems: [String] = []
        if SigningRules.target(of: statement) != target { problems.append("it names another document") }
        if statement.revision != revision { problems.append("it signs revision \(statement.revision)") }
        if Hex.encode(statement.documentHash, uppercase: true) != documentHash { problems.append("its document hash is not the stored bytes' hash") }
        if statement.annexHash.map({ Hex.encode($0, uppercase: true) }) != annexHash { problems.append("its annex hash does not match") }
        if statement.sourceHash.map({ Hex.encode($0, uppercase: true) }) != sourceHash { problems.append("its source hash does not match") }
        if statement.signerID != record.person { problems.append("it names \(statement.signerID)") }
        let verifies = Hex.decode(record.publicKey).flatMap { try? Ed25519.PublicKey(bytes: $0) }?
            .isValidSignature(record.signature, for: Array(record.statement.utf8)) ?? false
        if !verifies { problems.append("the Ed25519 signature does not verify with key \(record.keyID)") }
        return VerificationCheck(subject: subject, passed: problems.isEmpty,
                                 detail: problems.isEmpty ? "Ed25519 signature by key \(record.keyID) at \(record.signedAt.iso8601(.milliseconds)) verifies"
                                    : problems.joined(separator: "; "))
    }

    /// The database's rows against the data block inside the stored bytes: each paragraph that
    /// differs is named, and so is a header (time, place, attendance, justerare) that does.
    static func rowChecks(_ target: SigningTarget, meeting: Meeting, document: SigningStore.Frozen) -> [VerificationCheck] {
        guard let block = SignedHTML.dataBlock(in: document.bytes) else {
            return [VerificationCheck(subject: "data block", passed: false, detail: "the stored document has no kansli-data block")]
        }
        let paragraphs: [Paragraph]
        let format: String
        switch target.kind {
        case .protokoll:
            paragraphs = meeting.content.paragraphs
            format = "kansli-protocol"
        case .paragraf, .utdrag:
            paragraphs = meeting.content.paragraphs.filter { $0.number == target.paragraph }
            format = "kansli-extract"
        }
        let writer = JSONWriter(layout: .compact)
        guard let current = try? writer.encode(DocumentRenderer.publicData(meeting, format: format, paragraphs: paragraphs)) else {
            return [VerificationCheck(subject: "data block", passed: false, detail: "the rows could not be encoded")]
        }
        if Array(HTMLWriter.scriptSafe(current).utf8) == block {
            return [VerificationCheck(subject: "rows", passed: true, detail: "the database's rows match the data block of the signed document")]
        }
        var checks: [VerificationCheck] = []
        for paragraph in paragraphs where paragraph.content.confidential == nil {
            guard let encoded = try? writer.encode(paragraph) else { continue }
            if block.firstRange(of: Array(HTMLWriter.scriptSafe(encoded).utf8)) == nil {
                checks.append(VerificationCheck(subject: "§ \(paragraph.number)", passed: false,
                                                detail: "§ \(paragraph.number) \(paragraph.content.title) in the database differs from the signed document"))
            }
        }
        if checks.isEmpty {
            checks.append(VerificationCheck(subject: "rows", passed: false,
                                            detail: "the meeting's time, place, attendance or protocol details in the database differ from the signed document"))
        }
        return checks
    }

    /// The committee's log chain holds, and the justering entry names this document's hash.
    static func logChecks(_ target: SigningTarget, document: SigningStore.Frozen, store: SigningStore) throws -> [VerificationCheck] {
        let entries = try store.log(committee: target.meeting.committee)
        var checks: [VerificationCheck] = []
        switch LogChain.verify(entries) {
        case .intact(let count, _):
            checks.append(VerificationCheck(subject: "log", passed: true, detail: "the committee's log of \(count) entries chains unbroken"))
        case .broken(let index, let sequence, let reason):
            checks.append(VerificationCheck(subject: "log", passed: false,
                                            detail: "the committee's log breaks at entry \(sequence ?? index + 1): \(reason)"))
        }
        if let justering = try store.justering(target), justering.revision == document.revision {
            // The entry the justering points at must name this meeting, paragraph and hash.
            let index = justering.logSequence - 1
            let entry = entries.indices.contains(index) ? try? LogEntry(parsing: entries[index]) : nil
            let logged = entry.map {
                $0[field: "meeting"] == target.meeting.date.description && $0[field: "paragraph"] == target.paragraph.map(String.init)
                    && $0[field: "document-sha256"] == document.sha256
            } ?? false
            checks.append(VerificationCheck(subject: "justering", passed: logged && justering.sha256 == document.sha256,
                                            detail: logged ? "justerat \(justering.on), logged with the document's hash"
                                                : "justerat \(justering.on), but log entry \(justering.logSequence) does not name the document's hash"))
        }
        return checks
    }
}
