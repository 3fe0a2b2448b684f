import FinanceAPI
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

    @Test("the service answers exactly the methods FinanceMethods lists, with their access and roles")
    func methods() {
        let router = ServiceRouter()
        FinanceDefinition().register(into: router)
        #expect(router.methods == FinanceMethods.all.sorted { $0.id < $1.id })
    }
}
