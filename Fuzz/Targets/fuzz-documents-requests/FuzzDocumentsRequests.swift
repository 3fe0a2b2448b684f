// A hostile payload for any documents method, through the same ServiceHost a network request
// reaches after its MAC verified: the binary decoder on every request type, the rules of
// meetings, attendance, paragraphs, notices and signing, and their writes. The documents host
// reaches a real registry host in this process as its peer, and starts with the seed meeting
// of 2022-06-22 entered, so requests about it get past "not found". The first byte picks the
// role (admin, or signer for the signing methods), the next two the method, the rest is the payload.
import Foundation
import DocumentsAPI
import DocumentsService
import KansliProtocol
import KansliService
import KansliTransport
import RegistryAPI
import RegistryService

let methods = DocumentsMethods.all.map(\.id) + [CommonMethods.health.id, CommonMethods.audit.id]
let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

let host: ServiceHost = {
    let directory = NSTemporaryDirectory() + "kansli-fuzz-documents-\(getpid())"
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let log = Log(service: "fuzz", level: .error)
    let registry = try! ServiceHost(definition: RegistryDefinition(), databasePath: directory + "/registry.sqlite", log: log)
    let file = try! JSONDecoder().decode(CommitteeFile.self, from: Data(contentsOf: seeds.appendingPathComponent("norrbotten-e-namnd.json")))
    _ = try! registry.call(RegistryMethods.importCommittee, ImportRequest(file: file))
    let peer = ServiceClient(transport: InProcessTransport(handler: registry, keyID: "documents-peer", role: .read))
    let documents = try! ServiceHost(definition: DocumentsDefinition(), databasePath: directory + "/documents.sqlite", log: log,
                                     peers: Peers(names: DocumentsDefinition().peers, clients: ["registry": peer], timeout: 2))
    let ref = MeetingRef(committee: "NBE", date: CalendarDate("2022-06-22")!)
    _ = try! documents.call(DocumentsMethods.sequenceSet, SequenceSet(committee: "NBE", year: 2022, nextParagraph: 8, nextCaseSerial: 18))
    _ = try! documents.call(DocumentsMethods.meetingCreate, MeetingCreate(committee: "NBE", date: ref.date, startTime: "13:00", place: "Teams"))
    _ = try! documents.call(DocumentsMethods.attendanceSet, AttendanceSet(meeting: ref, absent: ["lena-goldkuhl"],
                                                                          substitutions: [Substitution(substitute: "johan-johansson", replaces: "lena-goldkuhl")]))
    for title in ["Budget 2023", "Delårsrapport 2022"] {
        _ = try! documents.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: ref, content: ParagraphContent(
            title: title, decision: "E-nämnden beslutar att godkänna.")))
    }
    _ = try! documents.call(DocumentsMethods.protocolSet, ProtocolSet(meeting: ref, justerare: ["jonas-lindberg"]))
    return documents
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 3 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let method = methods[(Int(bytes[1]) << 8 | Int(bytes[2])) % methods.count]
    let request = IncomingRequest(method: method, requestID: 1, idempotencyKey: nil, payload: Array(bytes[3...]),
                                  keyID: bytes[0] & 1 == 0 ? "fuzz" : "signer-isak-utsi", role: bytes[0] & 1 == 0 ? .admin : .signer)
    _ = host.handle(request)
    return 0
}
