import DocumentsAPI
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliService
import KansliSigning
import RegistryAPI

// Signing: drafts, signatures, justering and the log entries it makes.
extension DocumentsHandlers {
    /// The statement as parsed, who the calling signer key is, and every key of that person, as
    /// the registry says.
    struct SignerFacts: Sendable {
        var statement: SignatureStatement
        var identity: SignerIdentity
        var allKeys: [SigningKey]
    }

    /// The document `target` signs at the meeting's current revision: its frozen bytes once
    /// frozen, else what freezing it now would store.
    static func signedDocument(_ target: SigningTarget, meeting: Meeting, store: SigningStore) throws -> (SigningStore.Frozen, stored: Bool) {
        if let frozen = try store.frozen(target, revision: meeting.revision) { return (frozen, true) }
        return (try render(target, meeting: meeting, store: store), false)
    }

    /// Renders the document `target` signs (the protocol with its annex, or one paragraph).
    static func render(_ target: SigningTarget, meeting: Meeting, store: SigningStore) throws -> SigningStore.Frozen {
        switch target.kind {
        case .protokoll:
            guard meeting.content.protocol != nil, !meeting.content.paragraphs.isEmpty else {
                throw ServiceError.conflict("a protocol is signed once it has attendance, paragraphs and its justerare and secretary (documents.protocol.set)", field: "meeting")
            }
            let document = try DocumentRenderer.render(.protocol, format: .html, meeting: meeting, paragraph: nil, composition: nil)
            let annex = meeting.content.paragraphs.contains { $0.content.confidential != nil }
                ? try DocumentRenderer.render(.annex, format: .html, meeting: meeting, paragraph: nil, composition: nil) : nil
            return SigningStore.Frozen(target: target, revision: meeting.revision, fileName: document.fileName, bytes: Array(document.text.utf8),
                                       sha256: document.sha256, annexName: annex?.fileName, annex: annex.map { Array($0.text.utf8) },
                                       annexSHA256: annex?.sha256, sourceSHA256: nil)
        case .paragraf, .utdrag:
            let paragraph = try SigningRules.paragraph(target, in: meeting)
            var source: String?
            if target.kind == .utdrag {
                let protocolTarget = SigningTarget(meeting: target.meeting)
                let paragraphTarget = SigningTarget(meeting: target.meeting, kind: .paragraf, paragraph: paragraph.number)
                guard let justering = try store.justering(protocolTarget) ?? store.justering(paragraphTarget) else {
                    throw ServiceError.conflict("an extract is certified from a justerat protocol; \(MeetingStore.name(target.meeting)) § \(paragraph.number) is not justerat yet", field: "paragraph")
                }
                source = justering.sha256
            }
            let document = try DocumentRenderer.render(.extract, format: .html, meeting: meeting, paragraph: paragraph.number, composition: nil)
            let name = target.kind == .utdrag ? document.fileName : document.fileName.replacingAll("-utdrag-", with: "-paragraf-")
            return SigningStore.Frozen(target: target, revision: meeting.revision, fileName: name, bytes: Array(document.text.utf8),
                                       sha256: document.sha256, sourceSHA256: source)
        }
    }

    static func canonical(_ target: SigningTarget) throws -> SigningTarget {
        var target = target
        target.meeting = try canonical(target.meeting)
        if target.kind == .protokoll {
            guard target.paragraph == nil else {
                throw ServiceError.validation("a protokoll signature covers the whole protocol: leave out the paragraph", field: "paragraph")
            }
        } else {
            guard let number = target.paragraph else {
                throw ServiceError.validation("a \(target.kind.rawValue) is of one paragraph: give its number", field: "paragraph")
            }
            try TextRules.number(number, field: "paragraph")
        }
        return target
    }

    static func signingDraft(_ request: SigningTarget, _ context: HandlerContext) throws -> SigningDraft {
        let target = try canonical(request)
        let meeting = try MeetingStore(connection: context.connection).meeting(target.meeting)
        let store = SigningStore(connection: context.connection)
        let (document, stored) = try signedDocument(target, meeting: meeting, store: store)
        return SigningDraft(target: target, revision: meeting.revision, frozen: stored, document: String(decoding: document.bytes, as: UTF8.self),
                            documentSHA256: document.sha256, annexSHA256: document.annexSHA256, sourceSHA256: document.sourceSHA256,
                            serviceTime: context.now, signers: try SigningRules.signers(for: target, meeting: meeting),
                            signatures: try store.signatures(target, revision: meeting.revision))
    }

    /// The statement of a submission, bounded and parsed; a malformed one is named by line.
    static func statement(of request: SignatureSubmit) throws -> SignatureStatement {
        guard request.signature.count == Ed25519.signatureByteCount else {
            throw ServiceError.validation("an Ed25519 signature is \(Ed25519.signatureByteCount) bytes, not \(request.signature.count)", field: "signature")
        }
        let bytes = Array(request.statement.utf8)
        guard bytes.count <= SigningRules.maximumStatementBytes else {
            throw ServiceError(.tooLarge, "a signature statement is at most \(SigningRules.maximumStatementBytes) bytes, not \(bytes.count)", field: "statement")
        }
        do {
            return try SignatureStatement(parsing: bytes)
        } catch {
            throw ServiceError.validation("the statement is not in the form docs/SIGNING.md §2 defines: \(error)", field: "statement")
        }
    }

    /// Outside the transaction: who the calling key is, and that person's keys.
    static func prepareSign(_ request: SignatureSubmit, _ context: PrepareContext) throws -> Prepared<SignatureSubmit, SignerFacts> {
        let statement = try statement(of: request)
        let identity = try signerIdentity(keyID: context.keyID, on: CalendarDate(statement.stockholmDate), peers: context.peers)
        let keys = try context.peers.call("registry", RegistryMethods.signingKeyList,
                                          ListRequest(committee: identity.client.committee, person: identity.client.person))
        return Prepared(request: request, fact: SignerFacts(statement: statement, identity: identity, allKeys: keys))
    }

    /// Who the registry says the signer key `keyID` is on `day`; an unmapped key is refused.
    static func signerIdentity(keyID: String, on day: CalendarDate, peers: PeerCalls) throws -> SignerIdentity {
        do {
            return try peers.call("registry", RegistryMethods.signerGet, SignerQuery(keyID: keyID, on: day))
        } catch {
            guard error.code == .notFound else { throw error }
            throw ServiceError(.forbidden, "signer key \(ServiceError.quote(keyID)) is not mapped to a person in the registry; an administrator maps it with registry.signer.map")
        }
    }

    static func sign(_ prepared: Prepared<SignatureSubmit, SignerFacts>, _ context: HandlerContext) throws -> SigningStatus {
        let statement = prepared.fact.statement
        let target = try canonical(SigningRules.target(of: statement))
        let meetings = MeetingStore(connection: context.connection)
        var meeting = try meetings.meeting(target.meeting)
        let store = SigningStore(connection: context.connection)
        if try store.justering(target) != nil {
            throw ServiceError.conflict("the \(target.kind.rawValue) of \(MeetingStore.name(target.meeting)) is justerat already", field: "statement")
        }
        let (document, stored) = try signedDocument(target, meeting: meeting, store: store)
        let signers = try SigningRules.signers(for: target, meeting: meeting)
        let signed = try store.signatures(target, revision: meeting.revision)
        let signer = try SigningRules.check(statement, document: document, revision: meeting.revision, signers: signers,
                                            caller: prepared.fact.identity, signed: signed, now: context.now)
        let day = CalendarDate(statement.stockholmDate)
        let key = try SigningRules.verifyingKey(statementBytes: Array(prepared.request.statement.utf8), signature: prepared.request.signature,
                                                usable: prepared.fact.identity.signingKeys, all: prepared.fact.allKeys, day: day,
                                                signer: signer.name)
        if !stored {
            // The first signature freezes the document: its bytes are stored and never change.
            try store.insert(document, at: context.now)
            if target.kind == .protokoll, !meeting.frozen {
                meeting.frozen = true
                meeting.frozenAt = context.now.iso8601
                try meetings.save(meeting)
            }
        }
        let record = SignatureRecord(person: signer.person, name: signer.name, roles: signer.roles, keyID: key.id,
                                     publicKey: key.publicKey.lowercased(), statement: prepared.request.statement,
                                     signature: prepared.request.signature, signedAt: statement.time)
        try store.insert(record, target: target, revision: meeting.revision, at: context.now)
        let all = signed + [record]
        let pending = signers.map(\.person).filter { person in !all.contains { $0.person == person } }
        var justeratOn: CalendarDate?
        if pending.isEmpty {
            let today = CalendarDate.today(at: context.now)
            justeratOn = today
            try justera(target, document: document, revision: meeting.revision, signatures: all.count, on: today, store: store, context: context)
            if target.kind == .protokoll {
                meeting.justeratOn = today
                try meetings.save(meeting)
            }
        }
        try context.audit(action: "sign", entity: target.kind.rawValue, entityID: "\(MeetingStore.name(target.meeting))\(target.paragraph.map { " § \($0)" } ?? "") r\(meeting.revision)",
                          summary: "\(signer.person) with key \(key.id)\(pending.isEmpty ? "; justerat" : "; \(pending.count) to sign")")
        return SigningStatus(target: target, revision: meeting.revision, documentSHA256: document.sha256, signatures: all,
                             pending: pending, justeratOn: justeratOn)
    }

    /// Records the justering and logs it: `justerat` for a protocol or a paragraph under
    /// omedelbar justering, `utdrag` for a certified extract.
    static func justera(_ target: SigningTarget, document: SigningStore.Frozen, revision: Int, signatures: Int, on day: CalendarDate,
                        store: SigningStore, context: HandlerContext) throws {
        var fields = [LogEntry.Field("meeting", target.meeting.date.description)]
        if let paragraph = target.paragraph { fields.append(LogEntry.Field("paragraph", "\(paragraph)")) }
        fields += [LogEntry.Field("revision", "\(revision)"), LogEntry.Field("document-sha256", document.sha256)]
        if target.kind == .utdrag {
            fields.append(LogEntry.Field("source-sha256", document.sourceSHA256 ?? "-"))
        } else {
            fields.append(LogEntry.Field("annex-sha256", document.annexSHA256 ?? "-"))
        }
        fields.append(LogEntry.Field("signatures", "\(signatures)"))
        let event = switch target.kind {
        case .protokoll: "justerat"
        case .paragraf: "justerat-paragraf"
        case .utdrag: "utdrag"
        }
        let entry = try store.append(committee: target.meeting.committee, event: event, fields: fields, at: context.now)
        try store.insertJustering(target, revision: revision, sha256: document.sha256, on: day, logSequence: entry.sequence)
    }

    static func logGet(_ request: LogRequest, _ context: HandlerContext) throws -> CommitteeLog {
        let committee = try TextRules.committee(request.committee)
        let store = SigningStore(connection: context.connection)
        let entries = try store.log(committee: committee, after: max(0, request.after ?? 0))
        let head = try store.head(committee: committee)
        return CommitteeLog(committee: committee, entries: entries.map { String(decoding: $0, as: UTF8.self) }, length: head?.sequence ?? 0,
                            head: head?.sha256)
    }

    static func paragraphJustering(_ request: ParagraphRef, _ context: HandlerContext) throws -> ParagraphJustering {
        let ref = try canonical(request.meeting)
        let meeting = try MeetingStore(connection: context.connection).meeting(ref)
        guard let paragraph = meeting.content.paragraphs.first(where: { $0.number == request.number }) else {
            throw ServiceError.notFound("the meeting of \(MeetingStore.name(ref)) has no § \(request.number)", field: "number")
        }
        let store = SigningStore(connection: context.connection)
        let justering = try store.justering(SigningTarget(meeting: ref))
            ?? store.justering(SigningTarget(meeting: ref, kind: .paragraf, paragraph: request.number))
        return ParagraphJustering(paragraph: ParagraphRef(meeting: ref, number: request.number), title: paragraph.content.title,
                                  caseNumber: paragraph.content.caseNumber, decision: paragraph.content.decision,
                                  justeratOn: justering?.on, documentSHA256: justering?.sha256)
    }
}
