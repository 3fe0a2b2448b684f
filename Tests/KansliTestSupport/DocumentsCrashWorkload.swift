import DocumentsAPI
import Foundation
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliSigning
import KansliTransport
import RegistryAPI
import Synchronization

/// The documents writes of the kill -9 cycles: signatures and notices on a pool of meetings of
/// Norrbottens e-nämnd in 2022. Signer workers sign meetings from the first on, each as one of
/// the three required signers (secretary, chair, justerare) with their own Ed25519 key; notice
/// workers post the notice of meetings from the last one back, party by party. Every task is
/// tried once: one the kill interrupts is never repeated, so "exactly once" can be checked.
public final class DocumentsCrashWorkload: Sendable {
    /// The required signers of every meeting of the pool, who each have a signer client key.
    public static let signers = ["robert-karlsson", "carina-sammeli", "jonas-lindberg"]
    /// The parties of NBE, whose boards get the notices.
    static let parties = ["arjeplog", "arvidsjaur", "boden", "gallivare", "haparanda", "jokkmokk", "kalix", "kiruna", "lulea",
                          "pajala", "pitea", "alvsbyn", "overkalix", "overtornea"]

    public let keys: TestKeys
    /// Meetings in the pool, one a day from 2022-06-22 (the day the secretary took office) to at most 2022-12-31.
    public let meetings: Int
    let signingKeys: [String: Ed25519.PrivateKey]
    /// Each signer's next meeting to sign.
    let nextToSign: Mutex<[Int]>
    let nextNotice = Atomic<Int>(0)

    /// Workers 0, 1, 2 sign (one signer each); workers 3 and up post notices.
    public var writers: Int { Self.signers.count + 2 }

    public init(meetings: Int) throws {
        keys = try TestKeys(signers: Self.signers)
        self.meetings = meetings
        var signingKeys: [String: Ed25519.PrivateKey] = [:]
        for (index, person) in Self.signers.enumerated() {
            signingKeys[person] = try Ed25519.PrivateKey(seed: [UInt8](repeating: UInt8(index + 40), count: 32))
        }
        self.signingKeys = signingKeys
        nextToSign = Mutex(Self.signers.map { _ in 0 })
    }

    /// The credential a worker writes with: its signer's key, or the admin key for notices.
    public func credential(worker: Int) -> ClientCredential? {
        worker < Self.signers.count ? keys.signers[Self.signers[worker]] : nil
    }

    static func date(_ index: Int) -> CalendarDate { CalendarDate(year: 2022, month: 6, day: 22)!.adding(days: index) }

    /// The registry: NBE imported, each signer's public key registered and signer key mapped.
    public func setUpRegistry(_ registry: ServiceClient, committeeFile: CommitteeFile) throws {
        _ = try registry.call(RegistryMethods.importCommittee, ImportRequest(file: committeeFile))
        for person in Self.signers {
            _ = try registry.call(RegistryMethods.signingKeyAdd, SigningKeyAdd(
                committee: "NBE", person: person, publicKey: Hex.encode(signingKeys[person]!.publicKey.bytes),
                validFrom: CalendarDate("2022-01-01")!))
            _ = try registry.call(RegistryMethods.signerMap, SignerMap(committee: "NBE", keyID: "signer-\(person)", person: person))
        }
    }

    /// Documents: the pool of meetings, each with everyone present, one paragraph and its justerare.
    public func setUpDocuments(_ documents: ServiceClient) throws {
        for index in 0..<meetings {
            let ref = MeetingRef(committee: "NBE", date: Self.date(index))
            _ = try documents.call(DocumentsMethods.meetingCreate, MeetingCreate(committee: "NBE", date: ref.date, startTime: "13:00", place: "Teams"))
            _ = try documents.call(DocumentsMethods.attendanceSet, AttendanceSet(meeting: ref))
            _ = try documents.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: ref, content: ParagraphContent(
                title: "Ärende \(index + 1)", decision: "E-nämnden beslutar att lägga informationen till handlingarna.")))
            _ = try documents.call(DocumentsMethods.protocolSet, ProtocolSet(meeting: ref, justerare: ["jonas-lindberg"], secretary: "robert-karlsson"))
        }
    }

    /// One write by `worker`: a signature or a notice; its id (`sig/2022-01-10/carina-sammeli`, `anslag/2022-06-01/boden`).
    public func write(_ client: ServiceClient, worker: Int) throws -> String {
        if worker < Self.signers.count {
            let person = Self.signers[worker]
            let index = nextToSign.withLock { next in
                defer { next[worker] += 1 }
                return next[worker]
            }
            guard index < meetings / 2 else { throw ServiceError(.conflict, "the pool's meetings to sign are used up") }
            let target = SigningTarget(meeting: MeetingRef(committee: "NBE", date: Self.date(index)))
            let draft = try client.call(DocumentsMethods.signingDraft, target)
            let statement = try Self.statement(draft, person: person)
            let text = try statement.text()
            _ = try client.call(DocumentsMethods.signingSign, SignatureSubmit(statement: text, signature: signingKeys[person]!.sign(Array(text.utf8))))
            return "sig/\(target.meeting.date)/\(person)"
        }
        let task = nextNotice.add(1, ordering: .relaxed).oldValue
        let index = meetings - 1 - task / Self.parties.count
        guard index >= meetings / 2 else { throw ServiceError(.conflict, "the pool's meetings to post are used up") }
        let party = Self.parties[task % Self.parties.count]
        let day = Self.date(index)
        _ = try client.call(DocumentsMethods.noticePost, NoticePost(meeting: MeetingRef(committee: "NBE", date: day), party: party,
                                                                     postedOn: day.adding(days: 7), justeratOn: day.adding(days: 5)))
        return "anslag/\(day)/\(party)"
    }

    /// The statement `person` signs for `draft`.
    static func statement(_ draft: SigningDraft, person: String) throws -> SignatureStatement {
        guard let signer = draft.signers.first(where: { $0.person == person }) else {
            throw ServiceError(.forbidden, "\(person) is not a signer of \(draft.target.meeting.date)")
        }
        let roles = signer.roles.compactMap { SigningRole(protocolRole: $0.rawValue) }
        return SignatureStatement(kind: .protocol_, committee: "NBE", meetingDate: CivilDate(draft.target.meeting.date.description)!,
                                  revision: draft.revision, documentHash: Hex.decode(draft.documentSHA256)!,
                                  signerID: person, signerName: signer.name, roles: Set(roles), time: draft.serviceTime)
    }

    /// Every signature and notice the restarted service holds, by id.
    public func present(_ client: ServiceClient) throws -> [String] {
        var ids: [String] = []
        for index in 0..<meetings {
            let ref = MeetingRef(committee: "NBE", date: Self.date(index))
            if index < meetings / 2 {
                ids += try client.call(DocumentsMethods.signingDraft, SigningTarget(meeting: ref)).signatures.map { "sig/\(ref.date)/\($0.person)" }
            } else {
                ids += try client.call(DocumentsMethods.meetingGet, ref).notices.map { "anslag/\(ref.date)/\($0.party)" }
            }
        }
        return ids
    }

    /// Every justerat protocol verifies and the committee's log chain holds; the problems found.
    public func check(_ client: ServiceClient) throws -> [String] {
        var problems: [String] = []
        for summary in try client.call(DocumentsMethods.meetingList, MeetingListRequest(committee: "NBE")) where summary.frozen {
            let report = try client.call(DocumentsMethods.signingVerify, SigningTarget(meeting: MeetingRef(committee: "NBE", date: summary.date)))
            let failed = report.checks.filter { !$0.passed && $0.subject != "signatures" }
            if !failed.isEmpty { problems.append("\(summary.date): \(failed.map(\.detail).joined(separator: "; "))") }
        }
        let log = try client.call(DocumentsMethods.logGet, LogRequest(committee: "NBE"))
        if case .broken(_, let sequence, let reason) = LogChain.verify(log.entries.map { Array($0.utf8) }) {
            problems.append("log entry \(sequence.map(String.init) ?? "?"): \(reason)")
        }
        return problems
    }
}
