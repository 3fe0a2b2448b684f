import DocumentsAPI
import Foundation
import KansliPlatform
import KansliProtocol
import KansliService
import KansliTestSupport
import KansliTransport
import RegistryAPI
import RegistryService
@testable import DocumentsService

/// A real registry `ServiceHost` with the shipped committee files imported, and a documents host
/// that reaches it as its peer through an `InProcessTransport`, as the deployed service does
/// over TCP.
final class DocumentsTestHosts {
    let directory: TemporaryDirectory
    let registry: ServiceHost
    let documents: ServiceHost

    /// A registry that is down: every request is answered `unavailable`.
    struct DownRegistry: RequestHandler {
        func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError> {
            .failure(ServiceError(.unavailable, "registry is down (test)"))
        }
    }

    /// `deploy/seed-data/` of the repository.
    static let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    /// `clockStart`: a simulated clock starting then (2022-06-01 for the seed's year).
    /// `definition`: the documents service as it is, or as an earlier release was.
    /// `database`: a file to start from (copied), such as an earlier release's database.
    init<Definition: ServiceDefinition>(registryDown: Bool = false, clockStart: Timestamp? = nil, definition: Definition = DocumentsDefinition(),
                                        database: String? = nil) throws {
        directory = try TemporaryDirectory("documents")
        let log = Log(service: "test", level: .error, flushInterval: 0)
        registry = try ServiceHost(definition: RegistryDefinition(), databasePath: directory.file("registry.sqlite"), log: log)
        for name in ["norrbotten-e-namnd.json", "jamtland-gns.json"] {
            let data = try Data(contentsOf: Self.seedDirectory.appendingPathComponent(name))
            let file = try JSONDecoder().decode(CommitteeFile.self, from: data)
            _ = try registry.call(RegistryMethods.importCommittee, ImportRequest(file: file))
        }
        let handler: any RequestHandler = registryDown ? DownRegistry() : registry
        let client = ServiceClient(transport: InProcessTransport(handler: handler, keyID: "documents-peer", role: .read))
        let peers = Peers(names: DocumentsDefinition().peers, clients: ["registry": client], timeout: 2)
        if let database { try FileManager.default.copyItem(atPath: database, toPath: directory.file("documents.sqlite")) }
        documents = try ServiceHost(definition: definition, databasePath: directory.file("documents.sqlite"), log: log,
                                    peers: peers, clock: ServiceClock(simulated: clockStart != nil), clockStart: clockStart)
    }

    deinit { directory.remove() }

    /// Calls documents as a writer (reads too: a writer's key may read).
    @discardableResult
    func call<Request, Response>(_ method: KansliProtocol.Method<Request, Response>, _ request: Request) throws -> Response {
        try documents.call(method, request, role: .write)
    }

    /// The seed's 2022-06-22 meeting of Norrbottens e-nämnd entered through the service.
    @discardableResult
    func enterSeedMeeting(protocolDetails: Bool = true) throws -> Meeting {
        try call(DocumentsMethods.sequenceSet, SequenceSet(committee: "NBE", year: 2022, nextParagraph: 8, nextCaseSerial: 18))
        try call(DocumentsMethods.meetingCreate, SeedMeeting.create)
        try call(DocumentsMethods.attendanceSet, SeedMeeting.attendance)
        for content in SeedMeeting.paragraphs { try call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: SeedMeeting.ref, content: content)) }
        if protocolDetails { try call(DocumentsMethods.protocolSet, SeedMeeting.details) }
        return try call(DocumentsMethods.meetingGet, SeedMeeting.ref)
    }

    /// The seed meeting's protocol as HTML (or text).
    func render(_ kind: DocumentKind = .protocol, _ format: RenderFormat = .html, paragraph: Int? = nil,
                meeting: MeetingRef = SeedMeeting.ref) throws -> RenderedDocument {
        try call(DocumentsMethods.render, RenderRequest(meeting: meeting, document: kind, format: format, paragraph: paragraph))
    }
}
