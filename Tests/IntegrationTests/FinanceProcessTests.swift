import FinanceAPI
import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import RegistryAPI
import Testing

/// Real `kansli-registry`, `kansli-documents` and `kansli-finance` processes on free ports:
/// finance allocates the seed budget with the parties and keys it asks the registry for over
/// TCP, and writes nothing when the registry is gone.
@Suite("Finance with a real registry process", .serialized)
struct FinanceProcessTests {
    static let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    @Test("the 2023 budget allocates over the protocol as in the seed, and a dead registry makes the run unavailable with nothing written")
    func allocateOverTCP() throws {
        let setup = try FinanceWithPeers(.tcp)
        let registryProcess = try #require(setup.process("registry"))
        let registry = registryProcess.client()
        defer { registry.close() }
        let data = try Data(contentsOf: Self.seedDirectory.appendingPathComponent("norrbotten-e-namnd.json"))
        _ = try registry.call(RegistryMethods.importCommittee, ImportRequest(file: try JSONDecoder().decode(CommitteeFile.self, from: data)))

        let lines = [
            BudgetLine(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 1_127_000), model: .equal),
            BudgetLine(objectCode: "SOC-GRUND", name: "SOC system, grund", amount: Money(kronor: 509_200),
                       model: .mix(key: AllocationKey(kind: .population, year: 2022))),
        ]
        _ = try setup.finance.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: lines))
        let reference = BudgetRef(committee: "NBE", year: 2023)
        let run = try setup.finance.call(FinanceMethods.allocationRun, reference)
        #expect(run.run == 1)
        #expect(run.lines[0].shares.count == 14)
        #expect(run.lines[0].shares.allSatisfy { $0.rounded == Money(kronor: 80_500) })
        let eco = Dictionary(uniqueKeysWithValues: run.lines[1].shares.map { ($0.party, $0.rounded.ore / 100) })
        #expect(eco["lulea"] == 98_200)
        #expect(eco["arjeplog"] == 21_000)
        #expect(eco["overtornea"] == 22_500)
        #expect(eco.values.reduce(0, +) == 509_200)

        registryProcess.killHard()
        // One attempt, so the client reports finance's own answer instead of retrying it.
        var once = ClientOptions()
        once.maxAttempts = 1
        let financeOnce = try #require(setup.process("finance")).client(options: once)
        defer { financeOnce.close() }
        let refusal = Self.error { _ = try financeOnce.call(FinanceMethods.allocationRun, reference) }
        #expect(refusal?.code == .unavailable)
        #expect(refusal?.message.contains("registry") == true)
        // Reads that need no peer still answer, and the failed runs stored nothing.
        #expect(try setup.finance.call(FinanceMethods.allocationGet, reference).run == 1)
        #expect(try setup.finance.call(FinanceMethods.budgetList, BudgetListRequest(committee: "NBE")).count == 1)
    }

    /// The error `body` throws, or nil.
    static func error(_ body: () throws -> Void) -> ServiceError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ServiceError ?? ServiceError(.internal, "not a ServiceError: \(error)")
        }
    }
}
