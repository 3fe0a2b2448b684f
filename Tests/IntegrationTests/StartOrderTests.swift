import DocumentsAPI
import FinanceAPI
import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import RegistryAPI
import Testing

/// The services start in any order: one whose peer is not up yet answers `unavailable` for the
/// calls that need it, writes nothing, and recovers by itself when the peer appears.
@Suite("Services start in any order", .serialized)
struct StartOrderTests {
    @Test("documents and finance started before the registry and documents: unavailable, nothing written, then working once the peers are up")
    func anyOrder() throws {
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("start-order")
        defer { directory.remove() }
        // Reserve ports for the registry and documents: start each once, note its port, stop it.
        let firstRegistry = try ServiceProcess("registry", keys: keys)
        let registryPort = firstRegistry.port, registryData = firstRegistry.dataDirectory
        firstRegistry.terminate()
        let firstDocuments = try ServiceProcess("documents", keys: keys)
        let documentsPort = firstDocuments.port, documentsData = firstDocuments.dataDirectory
        firstDocuments.terminate()

        // Finance first, with neither peer up.
        let finance = try ServiceProcess("finance", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registryPort, "documents": documentsPort]))
        defer { finance.terminate() }
        var once = ClientOptions()
        once.maxAttempts = 1
        let financeClient = finance.client(options: once)
        defer { financeClient.close() }
        let create = BudgetCreate(committee: "NBE", year: 2023, lines: [
            BudgetLine(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 1_127_000), model: .equal)])
        let early = Self.error { _ = try financeClient.call(FinanceMethods.budgetCreate, create) }
        #expect(early?.code == .unavailable && early?.message.contains("registry") == true, "\(String(describing: early))")
        #expect(try financeClient.call(FinanceMethods.budgetList, BudgetListRequest(committee: "NBE")).isEmpty)

        // Then documents, with the registry still down.
        let documents = try ServiceProcess("documents", keys: keys, dataDirectory: documentsData, port: documentsPort,
                                           extraArguments: try ServiceProcess.peerArguments(keys, directory: directory,
                                                                                              addresses: ["registry": registryPort]))
        defer { documents.terminate() }
        let documentsClient = documents.client(options: once)
        defer { documentsClient.close() }
        let meeting = MeetingCreate(committee: "NBE", date: CalendarDate("2022-06-22")!, startTime: "13:00", place: "Teams")
        let waiting = Self.error { _ = try documentsClient.call(DocumentsMethods.meetingCreate, meeting) }
        #expect(waiting?.code == .unavailable, "\(String(describing: waiting))")
        #expect(try documentsClient.call(DocumentsMethods.meetingList, MeetingListRequest(committee: "NBE")).isEmpty)

        // The registry appears where they expect it; neither is restarted.
        let registry = try ServiceProcess("registry", keys: keys, dataDirectory: registryData, port: registryPort)
        defer { registry.terminate() }
        let registryClient = registry.client()
        defer { registryClient.close() }
        let file = try JSONDecoder().decode(CommitteeFile.self, from: Data(contentsOf: DocumentsProcessTests.seedDirectory
            .appendingPathComponent("norrbotten-e-namnd.json")))
        _ = try registryClient.call(RegistryMethods.importCommittee, ImportRequest(file: file))
        #expect(try documentsClient.call(DocumentsMethods.meetingCreate, meeting).committee == "NBE")
        #expect(try financeClient.call(FinanceMethods.budgetCreate, create).status == .draft)
        let adopted = try financeClient.call(FinanceMethods.budgetAdopt, BudgetAdopt(
            budget: BudgetRef(committee: "NBE", year: 2023), adoption: Adoption(protocolDate: CalendarDate("2022-09-14")!, paragraph: 3)))
        #expect(adopted.status == .adoptedPendingJustering)
    }

    @Test("documents killed while finance asks it about the adopting paragraph: unavailable, the budget still a draft; adopted once documents is back")
    func documentsDownMidAdoption() throws {
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("documents-down")
        defer { directory.remove() }
        let registry = try ServiceProcess("registry", keys: keys)
        defer { registry.terminate() }
        var documents = try ServiceProcess("documents", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port]))
        let documentsPort = documents.port, documentsData = documents.dataDirectory
        let finance = try ServiceProcess("finance", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port, "documents": documentsPort]))
        defer { finance.terminate() }
        let registryClient = registry.client()
        defer { registryClient.close() }
        let file = try JSONDecoder().decode(CommitteeFile.self, from: Data(contentsOf: DocumentsProcessTests.seedDirectory
            .appendingPathComponent("norrbotten-e-namnd.json")))
        _ = try registryClient.call(RegistryMethods.importCommittee, ImportRequest(file: file))
        var once = ClientOptions()
        once.maxAttempts = 1
        let client = finance.client(options: once)
        defer { client.close() }
        let budget = BudgetRef(committee: "NBE", year: 2023)
        _ = try client.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: [
            BudgetLine(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 1_127_000), model: .equal)]))
        let adopt = BudgetAdopt(budget: budget, adoption: Adoption(protocolDate: CalendarDate("2022-06-22")!, paragraph: 12))
        documents.killHard()
        let down = Self.error { _ = try client.call(FinanceMethods.budgetAdopt, adopt) }
        #expect(down?.code == .unavailable && down?.message.contains("documents") == true, "\(String(describing: down))")
        #expect(try client.call(FinanceMethods.budgetGet, budget).status == .draft, "nothing written half")
        documents = try ServiceProcess("documents", keys: keys, dataDirectory: documentsData, port: documentsPort,
                                       extraArguments: try ServiceProcess.peerArguments(keys, directory: directory, addresses: ["registry": registry.port]))
        defer { documents.terminate() }
        #expect(try client.call(FinanceMethods.budgetAdopt, adopt).status == .adoptedPendingJustering)
    }

    static func error(_ body: () throws -> Void) -> ServiceError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ServiceError ?? ServiceError(.internal, "not a ServiceError: \(error)")
        }
    }
}
