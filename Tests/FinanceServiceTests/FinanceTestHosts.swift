import DocumentsService
import FinanceAPI
import Foundation
import KansliProtocol
import KansliService
import KansliTestSupport
import KansliTransport
import RegistryAPI
import RegistryService
@testable import FinanceService

/// A real registry `ServiceHost` with the shipped committee files imported, and a finance host
/// that reaches it as its peer through an `InProcessTransport`, as the deployed service does
/// over TCP.
final class FinanceTestHosts {
    let directory: TemporaryDirectory
    let registry: ServiceHost
    let finance: ServiceHost
    /// Documents, which finance asks about adopting paragraphs (holding the meetings a test enters).
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

    init(registryDown: Bool = false) throws {
        directory = try TemporaryDirectory("finance")
        let log = Log(service: "test", level: .error, flushInterval: 0)
        registry = try ServiceHost(definition: RegistryDefinition(), databasePath: directory.file("registry.sqlite"), log: log)
        for name in ["norrbotten-e-namnd.json", "jamtland-gns.json"] {
            let data = try Data(contentsOf: Self.seedDirectory.appendingPathComponent(name))
            let file = try JSONDecoder().decode(CommitteeFile.self, from: data)
            _ = try registry.call(RegistryMethods.importCommittee, ImportRequest(file: file))
        }
        let handler: any RequestHandler = registryDown ? DownRegistry() : registry
        let client = ServiceClient(transport: InProcessTransport(handler: handler, keyID: "finance-peer", role: .read))
        // Documents, asked whether an adopting paragraph is justerat, holds no meetings here: the
        // caller's word stands, as for minutes kept outside Kansli.
        let documentsPeers = Peers(names: DocumentsDefinition().peers, clients: ["registry": client], timeout: 2)
        documents = try ServiceHost(definition: DocumentsDefinition(), databasePath: directory.file("documents.sqlite"), log: log,
                                    peers: documentsPeers)
        let documentsClient = ServiceClient(transport: InProcessTransport(handler: documents, keyID: "finance-peer", role: .read))
        let peers = Peers(names: FinanceDefinition().peers, clients: ["registry": client, "documents": documentsClient], timeout: 2)
        finance = try ServiceHost(definition: FinanceDefinition(), databasePath: directory.file("finance.sqlite"), log: log,
                                  peers: peers)
    }

    deinit { directory.remove() }

    /// Calls finance as a writer.
    func call<Request, Response>(_ method: Method<Request, Response>, _ request: Request) throws -> Response {
        try finance.call(method, request, role: .write)
    }

    /// Norrbotten's budget 2023 as § 12 of seed 002 gives it (the lines the seed allocates).
    static func norrbotten2023() -> [BudgetLine] {
        [
            SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 1_127_000, model: .equal),
            SeedCommittees.line("ECO-GRUND", "SOC system, grund", kronor: 509_200, model: .mix(key: SeedCommittees.population2022)),
        ]
    }
}
