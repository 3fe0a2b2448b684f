import KansliProtocol
import KansliService
import KansliTestSupport
import KansliTransport
import Testing
@testable import FinanceService

@Suite("Finance service")
struct FinanceDefinitionTests {
    @Test("the finance service opens its own database and answers health")
    func health() throws {
        let directory = try TemporaryDirectory("finance")
        defer { directory.remove() }
        let host = try ServiceHost(definition: FinanceDefinition(), databasePath: directory.file("finance.sqlite"),
                                   log: Log(service: "finance", level: .error, flushInterval: 0))
        let health = try host.call(CommonMethods.health, HealthRequest(), role: .read)
        #expect(health.service == "finance")
        #expect(health.status == "ok")
    }
}
