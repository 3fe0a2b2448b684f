import KansliProtocol
import KansliService
import KansliTestSupport
import KansliTransport
import Testing
@testable import DocumentsService

@Suite("Documents service")
struct DocumentsDefinitionTests {
    @Test("the documents service opens its own database and answers health")
    func health() throws {
        let directory = try TemporaryDirectory("documents")
        defer { directory.remove() }
        let host = try ServiceHost(definition: DocumentsDefinition(), databasePath: directory.file("documents.sqlite"),
                                   log: Log(service: "documents", level: .error, flushInterval: 0))
        let health = try host.call(CommonMethods.health, HealthRequest(), role: .read)
        #expect(health.service == "documents")
        #expect(health.status == "ok")
    }
}
