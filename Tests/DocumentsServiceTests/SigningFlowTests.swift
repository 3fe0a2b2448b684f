import DocumentsAPI
import Foundation
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliService
import KansliSigning
import KansliStore
import KansliTransport
import KansliTestSupport
import RegistryAPI
import Testing
@testable import DocumentsService

/// The seed meeting signed through the service by its four signers at the seed's times, each
/// with an Ed25519 key registered in the registry and a signer client key mapped to them.
final class SigningHosts {
    let hosts: DocumentsTestHosts
    /// The signers in the seed's order, with the times they signed (Stockholm).
    static let signers: [(person: String, time: String)] = [
        ("robert-karlsson", "2022-06-28T14:34"), ("isak-utsi", "2022-06-29T17:19"),
        ("carina-sammeli", "2022-06-30T14:37"), ("jonas-lindberg", "2022-07-04T10:42"),
    ]
    /// Each person's signing key, from a fixed seed.
    var keys: [String: Ed25519.PrivateKey] = [:]

    /// `database`: start from this documents database (which holds the seed meeting) instead of entering it.
    init(confidential: Bool = false, database: String? = nil) throws {
        hosts = try DocumentsTestHosts(clockStart: StockholmTime.parse("2022-06-01"), database: database)
        if database == nil { try hosts.enterSeedMeeting() }
        if confidential {
            var content = SeedMeeting.paragraphs[3]
            content.confidential = Confidentiality(ground: "OSL 39 kap. 3 §")
            try hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 11, content: content))
        }
        for (index, signer) in (Self.signers.map(\.person) + ["maud-lundback"]).enumerated() {
            try addKey(for: signer, seed: UInt8(index + 1))
            _ = try hosts.registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "signer-\(signer)", person: signer))
        }
    }

    /// Registers a new key of `person` valid from 2022-01-01.
    @discardableResult
    func addKey(for person: String, seed: UInt8) throws -> SigningKey {
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: seed, count: 32))
        keys[person] = key
        return try hosts.registry.call(RegistryMethods.signingKeyAdd, SigningKeyAdd(
            committee: "NBE", person: person, publicKey: Hex.encode(key.publicKey.bytes), validFrom: CalendarDate("2022-01-01")!))
    }

    /// Moves the documents service's clock to `stockholm`, or a minute on when it is past that.
    func setClock(_ stockholm: String) throws {
        let now = hosts.documents.clock.now()
        let target = max(StockholmTime.parse(stockholm)!, Timestamp(microsecondsSince1970: now.microsecondsSince1970 + 60_000_000))
        _ = try hosts.documents.call(CommonMethods.clockSet, ClockSetRequest(to: target))
    }

    /// The draft as `person`'s signer key sees it.
    func draft(_ target: SigningTarget = SigningTarget(meeting: SeedMeeting.ref), as person: String) throws -> SigningDraft {
        try hosts.documents.call(DocumentsMethods.signingDraft, target, keyID: "signer-\(person)", role: .signer)
    }

    /// The statement `person` would sign for `draft`, as `kansli protocol sign` builds it.
    func statement(_ draft: SigningDraft, person: String, roles: [SignerRole]? = nil) throws -> SignatureStatement {
        let signer = try #require(draft.signers.first { $0.person == person } ?? draft.signers.first)
        return SignatureStatement(kind: StatementKind(rawValue: draft.target.kind.rawValue)!, committee: draft.target.meeting.committee, meetingDate: CivilDate(draft.target.meeting.date.description)!,
                                  revision: draft.revision, paragraph: draft.target.paragraph,
                                  documentHash: Hex.decode(draft.documentSHA256)!, annexHash: draft.annexSHA256.flatMap(Hex.decode),
                                  sourceHash: draft.sourceSHA256.flatMap(Hex.decode), signerID: person, signerName: signer.name,
                                  roles: Set((roles ?? signer.roles).map(SigningRules.signingRole)), time: draft.serviceTime)
    }

    /// Submits `statement` signed with `key` (the person's own by default) through `person`'s signer key.
    @discardableResult
    func submit(_ statement: SignatureStatement, as person: String, key: Ed25519.PrivateKey? = nil) throws -> SigningStatus {
        let text = try statement.text()
        let signature = (key ?? keys[person]!).sign(Array(text.utf8))
        return try hosts.documents.call(DocumentsMethods.signingSign, SignatureSubmit(statement: text, signature: signature),
                                        keyID: "signer-\(person)", role: .signer)
    }

    /// `person` signs `target` at `time`, as `kansli protocol sign` does.
    @discardableResult
    func sign(_ person: String, at time: String, _ target: SigningTarget = SigningTarget(meeting: SeedMeeting.ref)) throws -> SigningStatus {
        try setClock(time)
        return try submit(try statement(try draft(target, as: person), person: person), as: person)
    }

    /// All four sign at the seed's times.
    @discardableResult
    func signAll() throws -> SigningStatus? {
        var status: SigningStatus?
        for signer in Self.signers { status = try sign(signer.person, at: signer.time) }
        return status
    }

    func verify(_ target: SigningTarget = SigningTarget(meeting: SeedMeeting.ref)) throws -> VerificationReport {
        try hosts.call(DocumentsMethods.signingVerify, target)
    }
}

@Suite("Signing the protocol: Ed25519 over SHA-256, refusals, justering, verification, the log")
struct SigningFlowTests {
    /// The refusal `body` throws, or nil.
    static func refusal(_ body: () throws -> Void) -> ServiceError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ServiceError
        }
    }

    @Test("the seed's four sign at the seed's times: justerat 2022-07-04, one log entry with the hash, and every check holds")
    func fourSignatures() throws {
        let signing = try SigningHosts()
        let draft = try signing.draft(as: "robert-karlsson")
        #expect(draft.frozen == false)
        #expect(Hex.encode(SHA256.hash(Array(draft.document.utf8)), uppercase: true) == draft.documentSHA256)
        #expect(draft.signers.map(\.person) == SigningHosts.signers.map(\.person))
        var status: SigningStatus?
        for (index, signer) in SigningHosts.signers.enumerated() {
            status = try signing.sign(signer.person, at: signer.time)
            #expect(status?.signatures.count == index + 1)
            #expect(status?.documentSHA256 == draft.documentSHA256, "the first signature froze the bytes the draft showed")
        }
        #expect(status?.pending == [])
        #expect(status?.justeratOn == CalendarDate("2022-07-04"))
        let meeting = try signing.hosts.call(DocumentsMethods.meetingGet, SeedMeeting.ref)
        #expect(meeting.frozen && meeting.justeratOn == CalendarDate("2022-07-04"))
        let log = try signing.hosts.call(DocumentsMethods.logGet, LogRequest(committee: "NBE"))
        #expect(log.length == 1)
        let entry = try LogEntry(parsing: Array(log.entries[0].utf8))
        #expect(entry.event == "justerat" && entry[field: "document-sha256"] == draft.documentSHA256 && entry[field: "signatures"] == "4")
        #expect(log.head == Hex.encode(SHA256.hash(Array(log.entries[0].utf8)), uppercase: true))
        let report = try signing.verify()
        #expect(report.valid, "\(report.checks.filter { !$0.passed })")
        #expect(report.checks.filter { $0.subject.hasPrefix("signature of") }.count == 4)
        let justering = try signing.hosts.call(DocumentsMethods.paragraphJustering, ParagraphRef(meeting: SeedMeeting.ref, number: 12))
        #expect(justering.justeratOn == CalendarDate("2022-07-04") && justering.title == "Budget 2023")
        #expect(justering.documentSHA256 == draft.documentSHA256)
    }

    @Test("each wrong signature is refused with an error that says which: not required, wrong key, revoked key, stale revision, time out of bounds, twice, another's name")
    func refusals() throws {
        let signing = try SigningHosts()
        try signing.setClock("2022-06-28T14:34")
        let draft = try signing.draft(as: "robert-karlsson")

        let notRequired = Self.refusal { try signing.submit(try signing.statement(draft, person: "maud-lundback"), as: "maud-lundback") }
        #expect(notRequired?.code == .forbidden && notRequired?.message.contains("is not a required signer") == true, "\(String(describing: notRequired))")

        let wrongKey = Self.refusal {
            try signing.submit(try signing.statement(draft, person: "robert-karlsson"), as: "robert-karlsson", key: try Ed25519.PrivateKey(seed: [UInt8](repeating: 99, count: 32)))
        }
        #expect(wrongKey?.code == .forbidden && wrongKey?.message.contains("does not verify with any signing key") == true, "\(String(describing: wrongKey))")

        var stale = try signing.statement(draft, person: "robert-karlsson")
        stale.revision = 2
        let staleRefusal = Self.refusal { try signing.submit(stale, as: "robert-karlsson") }
        #expect(staleRefusal?.code == .conflict && staleRefusal?.message.contains("is at revision 1") == true, "\(String(describing: staleRefusal))")

        var early = try signing.statement(draft, person: "robert-karlsson")
        early.time = Timestamp(microsecondsSince1970: draft.serviceTime.microsecondsSince1970 - 6 * 60 * 1_000_000)
        let skew = Self.refusal { try signing.submit(early, as: "robert-karlsson") }
        #expect(skew?.code == .validation && skew?.message.contains("within 5 minutes") == true, "\(String(describing: skew))")

        let otherName = Self.refusal { try signing.submit(try signing.statement(draft, person: "isak-utsi"), as: "robert-karlsson") }
        #expect(otherName?.code == .forbidden && otherName?.message.contains("this key signs for NBE/robert-karlsson") == true)

        var wrongRoles = try signing.statement(draft, person: "robert-karlsson")
        wrongRoles.roles = [.secretary, .adjuster]
        #expect(Self.refusal { try signing.submit(wrongRoles, as: "robert-karlsson") }?.message.contains("signs for sekreterare") == true)

        try signing.submit(try signing.statement(draft, person: "robert-karlsson"), as: "robert-karlsson")
        let twice = Self.refusal { try signing.submit(try signing.statement(draft, person: "robert-karlsson"), as: "robert-karlsson") }
        #expect(twice?.code == .conflict && twice?.message.contains("has already signed") == true)

        // Isak Utsi's key is revoked from 2022-06-29: his signature that day is refused, naming it.
        let key = try #require(try signing.hosts.registry.call(RegistryMethods.signingKeyList, ListRequest(committee: "NBE", person: "isak-utsi")).first)
        _ = try signing.hosts.registry.call(RegistryMethods.signingKeyRevoke, SigningKeyRevoke(committee: "NBE", key: key.id, revokedOn: CalendarDate("2022-06-29")!, reason: "lost"))
        let revoked = Self.refusal { try signing.sign("isak-utsi", at: "2022-06-29T17:19") }
        #expect(revoked?.code == .forbidden && revoked?.message.contains("revoked on 2022-06-29") == true, "\(String(describing: revoked))")
    }

    @Test("after the first signature the content is frozen; a revision voids the signatures and starts over")
    func revisionVoidsSignatures() throws {
        let signing = try SigningHosts()
        try signing.sign("robert-karlsson", at: "2022-06-28T14:34")
        let edit = Self.refusal {
            try signing.hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 12, content: SeedMeeting.paragraphs[4]))
        }
        #expect(edit?.code == .conflict && edit?.message.contains("frozen for signing") == true)
        _ = try signing.hosts.call(DocumentsMethods.protocolRevise, ProtocolRevise(meeting: SeedMeeting.ref, reason: "§ 12 kompletteras"))
        let draft = try signing.draft(as: "isak-utsi")
        #expect(draft.revision == 2 && draft.signatures.isEmpty && !draft.frozen)
        let report = try signing.verify()
        #expect(!report.valid && report.checks.contains { $0.subject == "revision" && !$0.passed })
        try signing.signAll()
        #expect(try signing.verify().valid)
    }

    @Test("a byte changed behind the service's back is found and named: a row of § 12, or the stored document itself")
    func tampering() throws {
        let signing = try SigningHosts()
        try signing.signAll()
        let database = try Database(path: signing.hosts.directory.file("documents.sqlite"))
        let content = try #require(try database.read {
            try $0.queryOne("SELECT content FROM meeting WHERE committee = 'NBE'")?.get(0, as: [UInt8].self)
        })
        // "godkänna budgeten" → "godkänna budgetEn": one byte of § 12's decision, same length.
        let needle = Array("godkänna budgeten för 2023".utf8)
        let at = try #require(content.firstRange(of: needle)?.lowerBound)
        var changed = content
        changed[at + needle.count - 13] = UInt8(ascii: "E")
        try database.write {
            try $0.execute("DROP TRIGGER meeting_frozen_content")
            try $0.execute("UPDATE meeting SET content = ? WHERE committee = 'NBE'", [changed])
        }
        let report = try signing.verify()
        #expect(!report.valid)
        let failed = report.checks.filter { !$0.passed }
        #expect(failed.map(\.subject) == ["§ 12"], "\(failed)")

        try database.write {
            try $0.execute("DROP TRIGGER signed_document_immutable")
            try $0.execute("UPDATE signed_document SET bytes = CAST(replace(CAST(bytes AS TEXT), 'Budget 2023', 'Budget 2024') AS BLOB)")
        }
        let second = try signing.verify()
        #expect(second.checks.contains { $0.subject == "document hash" && !$0.passed })
        #expect(second.checks.filter { $0.subject.hasPrefix("signature of") }.allSatisfy { !$0.passed })
    }

    @Test("the export holds the signed bytes, each statement, raw signature and PEM key, the log and a Swedish README; the annex only in a confidential export")
    func export() throws {
        let signing = try SigningHosts(confidential: true)
        try signing.signAll()
        let folder = try signing.hosts.call(DocumentsMethods.signingExport, ExportRequest(target: SigningTarget(meeting: SeedMeeting.ref)))
        let names = folder.files.map(\.name)
        #expect(names.first == "protokoll.html")
        #expect(!names.contains("sekretessbilaga.html"))
        #expect(names.contains("signatur-2-isak-utsi.txt") && names.contains("signatur-2-isak-utsi.sig") && names.contains("signatur-2-isak-utsi.pem"))
        #expect(names.contains("logg/000001.txt") && names.last == "LASMIG.txt")
        func file(_ name: String) throws -> [UInt8] { try #require(folder.files.first { $0.name == name }).bytes }
        let html = try file("protokoll.html")
        let statement = try SignatureStatement(parsing: try file("signatur-2-isak-utsi.txt"))
        #expect(statement.documentHash == SHA256.hash(html))
        #expect(statement.annexHash != nil)
        #expect(!String(decoding: html, as: UTF8.self).contains("Förstudiedirektiv Rev B"), "the confidential § 11's documents stay out of the public file")
        let key = try Ed25519PEM.publicKey(fromPEM: String(decoding: try file("signatur-2-isak-utsi.pem"), as: UTF8.self))
        #expect(key.isValidSignature(try file("signatur-2-isak-utsi.sig"), for: try file("signatur-2-isak-utsi.txt")))
        #expect(String(decoding: try file("LASMIG.txt"), as: UTF8.self).contains("sha256sum protokoll.html"))

        let confidential = try signing.hosts.documents.call(DocumentsMethods.signingExport,
                                                            ExportRequest(target: SigningTarget(meeting: SeedMeeting.ref), includeAnnex: true))
        #expect(confidential.files.contains { $0.name == "sekretessbilaga.html" })
        let writer = Self.refusal {
            _ = try signing.hosts.documents.call(DocumentsMethods.signingExport,
                                                 ExportRequest(target: SigningTarget(meeting: SeedMeeting.ref), includeAnnex: true), role: .write)
        }
        #expect(writer?.code == .forbidden)
    }

    @Test("an extract of § 12 is certified by the secretary alone over the justerat protocol's hash, and logged")
    func extract() throws {
        let signing = try SigningHosts()
        let target = SigningTarget(meeting: SeedMeeting.ref, kind: .utdrag, paragraph: 12)
        #expect(Self.refusal { _ = try signing.draft(target, as: "robert-karlsson") }?.message.contains("not justerat yet") == true)
        let protocolStatus = try #require(try signing.signAll())
        let draft = try signing.draft(target, as: "robert-karlsson")
        #expect(draft.signers.map(\.person) == ["robert-karlsson"])
        #expect(draft.sourceSHA256 == protocolStatus.documentSHA256)
        let status = try signing.sign("robert-karlsson", at: "2022-07-05T09:00", target)
        #expect(status.justeratOn == CalendarDate("2022-07-05"))
        #expect(try signing.verify(target).valid)
        let certified = try signing.hosts.call(DocumentsMethods.signingRendering, target).text
        #expect(certified.contains("<h2 id=\"bestyrkande\">Utdragsbestyrkande</h2>"))
        #expect(certified.contains("Protokollets SHA-256 hashvärde</th><td><code>\(protocolStatus.documentSHA256)</code>"))
        #expect(certified.contains("Utdragets SHA-256 hashvärde</th><td><code>\(status.documentSHA256)</code>"))
        let log = try signing.hosts.call(DocumentsMethods.logGet, LogRequest(committee: "NBE"))
        #expect(log.length == 2)
        #expect(try LogEntry(parsing: Array(log.entries[1].utf8)).event == "utdrag")
    }

    @Test("the justerat rendering appends the seed's signing block, and BEVIS/ANSLAG once every board has the notice, with the log's hash after the justering")
    func justeratRendering() throws {
        let signing = try SigningHosts()
        try signing.signAll()
        let target = SigningTarget(meeting: SeedMeeting.ref)
        let before = try signing.hosts.call(DocumentsMethods.signingRendering, target)
        let hash = try signing.hosts.call(DocumentsMethods.signingDraft, target).documentSHA256
        #expect(before.text.components(separatedBy: "Signerat kryptografiskt SHA-256 hashvärde:<br><code>\(hash)</code>").count == 5)
        #expect(before.text.contains("<dt>Namn: Robert Karlsson</dt>\n<dd>Datum: 2022-06-28 14:34</dd>"))
        #expect(before.text.contains("<dd>Datum: 2022-07-04 10:42</dd>"))
        #expect(!before.text.contains("BEVIS/ANSLAG"), "not before the notice is up on every board")
        try signing.setClock("2022-07-08T09:00")
        let parties = try signing.hosts.call(DocumentsMethods.noticeStatus, SeedMeeting.ref).pendingParties
        for party in parties {
            try signing.hosts.call(DocumentsMethods.noticePost, NoticePost(meeting: SeedMeeting.ref, party: party, postedOn: CalendarDate("2022-07-08")!))
        }
        let log = try signing.hosts.call(DocumentsMethods.logGet, LogRequest(committee: "NBE"))
        #expect(log.length == 1 + parties.count)
        let afterJustering = Hex.encode(SHA256.hash(Array(log.entries[0].utf8)), uppercase: true)
        let after = try signing.hosts.call(DocumentsMethods.signingRendering, target)
        for text in ["BEVIS/ANSLAG", "<td>2022-07-08</td>", "Datum när anslaget tas ned</th><td>2022-07-30</td>",
                     "Sista dag att överklaga</th><td>2022-07-29</td>", "<td>\(afterJustering)</td>"] {
            #expect(after.text.contains(text), "\(text)")
        }
        let stored = try signing.hosts.call(DocumentsMethods.signingExport, ExportRequest(target: target)).files[0].bytes
        #expect(Hex.encode(SHA256.hash(stored), uppercase: true) == hash, "the signed file itself never changes")
        #expect(try signing.verify().valid)
    }

    @Test("a backup taken with admin.backup while the service runs restores into a fresh data directory: the protocol and the log verify there")
    func backupRestores() throws {
        let signing = try SigningHosts()
        try signing.signAll()
        let backup = try signing.hosts.documents.call(CommonMethods.backup, Empty())
        #expect(backup.integrity == "ok" && backup.pages > 0 && backup.path.contains("/backups/documents-"))
        let fresh = try TemporaryDirectory("documents-restored")
        defer { fresh.remove() }
        try FileManager.default.copyItem(atPath: backup.path, toPath: fresh.file("documents.sqlite"))
        let restored = try ServiceHost(definition: DocumentsDefinition(), databasePath: fresh.file("documents.sqlite"),
                                       log: Log(service: "test", level: .error, flushInterval: 0))
        let report = try restored.call(DocumentsMethods.signingVerify, SigningTarget(meeting: SeedMeeting.ref), role: .read)
        #expect(report.valid, "\(report.checks.filter { !$0.passed })")
        let log = try restored.call(DocumentsMethods.logGet, LogRequest(committee: "NBE"), role: .read)
        #expect(LogChain.verify(log.entries.map { Array($0.utf8) }) == .intact(entries: 1, head: Hex.decode(log.head!)!))
        #expect(Self.refusal { _ = try signing.hosts.documents.call(CommonMethods.backup, Empty(), role: .write) }?.code == .forbidden)
    }
}

@Suite("Signing rules")
struct SigningRulesTests {
    @Test("every role a protocol names has its statement role: secretary → sekreterare, chair → ordförande, justerare → justerare")
    func roles() {
        #expect(SignerRole.allCases.map { SigningRules.signingRole($0).rawValue } == ["sekreterare", "ordförande", "justerare"])
        #expect(SigningRole(protocolRole: "ordförande") == nil)
    }

    @Test("a signed document's kind and a statement's kind have the same values, so each maps onto the other")
    func kinds() {
        #expect(SignedKind.allCases.map(\.rawValue) == StatementKind.allCases.map(\.rawValue))
    }
}

@Suite("Omedelbar justering")
struct ImmediateJusteringTests {
    @Test("a paragraph under omedelbar justering is signed on its own by the secretary, its chair and the justerare, and then never changes")
    func paragraphAlone() throws {
        var content = SeedMeeting.paragraphs[4]
        content.immediateJustering = true
        let signing = try SigningHosts()
        try signing.hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 12, content: content))
        let target = SigningTarget(meeting: SeedMeeting.ref, kind: .paragraf, paragraph: 12)
        let draft = try signing.draft(target, as: "robert-karlsson")
        #expect(draft.signers.map(\.person) == ["robert-karlsson", "isak-utsi", "jonas-lindberg"])
        try signing.sign("robert-karlsson", at: "2022-06-22T14:45", target)
        let edit = SigningFlowTests.refusal {
            try signing.hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 12, content: SeedMeeting.paragraphs[4]))
        }
        #expect(edit?.code == .conflict && edit?.message.contains("signed on its own") == true, "\(String(describing: edit))")
        try signing.sign("isak-utsi", at: "2022-06-22T14:50", target)
        let status = try signing.sign("jonas-lindberg", at: "2022-06-22T14:55", target)
        #expect(status.justeratOn == CalendarDate("2022-06-22"))
        #expect(try signing.verify(target).valid)
        let justering = try signing.hosts.call(DocumentsMethods.paragraphJustering, ParagraphRef(meeting: SeedMeeting.ref, number: 12))
        #expect(justering.justeratOn == CalendarDate("2022-06-22"))
        // Other paragraphs are still edited before the protocol is signed.
        try signing.hosts.call(DocumentsMethods.paragraphUpdate, ParagraphUpdate(meeting: SeedMeeting.ref, number: 13, content: SeedMeeting.paragraphs[5]))
    }
}
