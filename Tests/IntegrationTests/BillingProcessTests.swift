import FinanceAPI
import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import RegistryAPI
import Synchronization
import Testing

/// Real registry, documents and finance processes: three times over, four monthly billing runs
/// are issued by two clients at once while the finance process is killed with SIGKILL, then it
/// is restarted on the same database and the runs issued again. Each kill lands while runs are being
/// issued (after the first answer of the cycle), at a seeded random delay. Whatever it
/// interrupts, every issued run is whole, the invoice series is gap-free, and no party is billed
/// twice for a line and month.
@Suite("Billing runs survive SIGKILL of the finance process", .serialized)
struct BillingProcessTests {
    static let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    /// Twelve months of 2023.
    static let months: [Period] = (1...12).map { month in
        Period(from: CalendarDate(year: 2023, month: month, day: 1)!,
               to: CalendarDate(year: 2023, month: month, day: CalendarDate.daysIn(month: month, year: 2023))!)
    }

    @Test("kill -9 while runs are issuing, restart, issue again: gap-free numbers, each run whole, nobody billed twice")
    func killedMidRun() throws {
        let report = try BillingCrashCycles.run(cycles: 3, runsPerCycle: 4, seed: 9)
        #expect(report.cycles == 3 && report.runs == 12 && report.invoices == 12 * BillingCrashCycles.invoicesPerRun, "\(report)")
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5))")
    }

    @Test("the registry hung or killed while a billing run is drafted: unavailable (not a timeout), no run stored, and the draft succeeds once it answers")
    func registryDownMidDraft() throws {
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("billing-peer")
        defer { directory.remove() }
        var registry = try ServiceProcess("registry", keys: keys)
        let registryData = registry.dataDirectory
        // Documents answers the adoption's question about § 12 (it holds no meetings: the caller's word stands).
        let documents = try ServiceProcess("documents", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port]))
        defer { documents.terminate() }
        let finance = try ServiceProcess("finance", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port, "documents": documents.port]))
        try BillingCrashCycles.prepareRegistry(registry)
        try BillingCrashCycles.adoptBudget(finance)
        let writer = finance.client(keys.writer)
        defer { writer.close() }
        let draft = BillingDraft(budget: BudgetRef(committee: "NBE", year: 2023), period: BillingProcessTests.months[0])
        func runs() throws -> Int { try writer.call(FinanceMethods.billingList, BillingListRequest(committee: "NBE")).count }

        // Hung: it accepts the connection and never answers. Finance gives up at each 2 s peer
        // timeout and answers unavailable; the client retries while another attempt can finish,
        // then reports that answer (not a timeout with the outcome unknown).
        kill(registry.pid, SIGSTOP)
        let hung = #expect(throws: ServiceError.self) { try writer.call(FinanceMethods.billingDraft, draft, timeout: 5) }
        #expect(hung?.code == .unavailable, "\(hung?.message ?? "")")
        #expect(hung?.message.contains("registry") == true, "\(hung?.message ?? "")")
        #expect(try runs() == 0, "nothing stored while the registry could not answer")
        // Woken, it answers the calls finance abandoned; finance stores nothing for them.
        kill(registry.pid, SIGCONT)
        usleep(300_000)
        #expect(try runs() == 0, "an abandoned preparation stores nothing when its answer arrives late")
        let first = try writer.call(FinanceMethods.billingDraft, draft)
        #expect(try runs() == 1)

        // Killed, then back on the same database and port: unavailable, then the next month drafts.
        let port = registry.port
        registry.killHard()
        let next = BillingDraft(budget: BudgetRef(committee: "NBE", year: 2023), period: Self.months[1])
        let down = #expect(throws: ServiceError.self) { try writer.call(FinanceMethods.billingDraft, next, timeout: 3) }
        #expect(down?.code == .unavailable)
        #expect(try runs() == 1)
        registry = try ServiceProcess("registry", keys: keys, dataDirectory: registryData, port: port)
        let second = try writer.call(FinanceMethods.billingDraft, next)
        #expect(second.run != first.run)
        #expect(try runs() == 2)
        finance.terminate()
        registry.terminate()
    }
}
