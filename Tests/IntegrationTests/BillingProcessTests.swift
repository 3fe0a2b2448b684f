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
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("billing-kill")
        defer { directory.remove() }
        let registry = try ServiceProcess("registry", keys: keys)
        let documents = try ServiceProcess("documents", keys: keys, extraArguments: try FinanceWithPeers.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port]))
        let financeArguments = try FinanceWithPeers.peerArguments(keys, directory: directory,
                                                                  addresses: ["registry": registry.port, "documents": documents.port])
        let financeData = directory.file("finance-data")
        try FileManager.default.createDirectory(atPath: financeData, withIntermediateDirectories: true)
        var finance = try ServiceProcess("finance", keys: keys, dataDirectory: financeData, extraArguments: financeArguments)

        try Self.prepareRegistry(registry)
        try Self.adoptBudget(finance)
        let perRun = 26
        var generator = SeededGenerator(seed: 9)
        var runCount = 0
        for cycle in 0..<3 {
            // Four new months per cycle, drafted and approved, then issued while the kill lands.
            let runs = try Self.draftAndApprove(finance, months: Array(Self.months[(cycle * 4)..<(cycle * 4 + 4)]))
            runCount += runs.count
            let delayMicroseconds = UInt32.random(in: 0...8_000, using: &generator)
            let answered = Self.issueConcurrently(finance, runs: runs, killAfterFirstAnswer: {
                usleep(delayMicroseconds)
                finance.killHard()
            })
            // Restart on the same database: what it committed before the kill is all there is.
            finance = try ServiceProcess("finance", keys: keys, dataDirectory: financeData, extraArguments: financeArguments)
            let client = finance.client()
            defer { client.close() }
            let invoices = try client.call(FinanceMethods.invoiceList, InvoiceListRequest(committee: "NBE"))
            let serials = invoices.compactMap(\.number).map { Int($0.suffix(5))! }
            #expect(serials == (0..<serials.count).map { $0 + 1 }, "cycle \(cycle): gap-free after the kill")
            #expect(invoices.count % perRun == 0, "cycle \(cycle): only whole runs were issued (\(invoices.count) invoices)")
            let issued = try client.call(FinanceMethods.billingList, BillingListRequest(committee: "NBE")).filter { $0.status == .issued }
            #expect(issued.count * perRun == invoices.count, "cycle \(cycle): a run is issued exactly when its invoices exist")
            #expect(answered.allSatisfy { run in issued.contains { $0.run == run } }, "every run answered as issued stayed issued")
            // Finish them, two clients at once again; issuing an issued run bills nothing twice.
            let finished = Self.issueConcurrently(finance, runs: runs, killAfterFirstAnswer: nil)
            #expect(finished == runs, "cycle \(cycle): every run issues after the restart")
        }

        let client = finance.client()
        defer { client.close() }
        let invoices = try client.call(FinanceMethods.invoiceList, InvoiceListRequest(committee: "NBE"))
        #expect(invoices.count == runCount * perRun)
        #expect(invoices.compactMap(\.number).map { Int($0.suffix(5))! } == Array(1...(runCount * perRun)))
        var billed = Set<String>()
        for invoice in invoices {
            for line in invoice.lines {
                #expect(billed.insert("\(invoice.recipient.party) \(line.objectCode) \(invoice.period)").inserted,
                        "\(invoice.recipient.party) billed twice for \(line.objectCode) in \(invoice.period)")
            }
        }
        #expect(!invoices.contains { $0.recipient.party == "lulea" }, "the host is never invoiced")
        #expect(Set(invoices.compactMap(\.paymentReference)).count == invoices.count)
        #expect(invoices.allSatisfy { $0.paymentReference.map(OCRReference.isValid) == true })
        finance.terminate()
        documents.terminate()
        registry.terminate()
    }

    @Test("the registry hung or killed while a billing run is drafted: unavailable (not a timeout), no run stored, and the draft succeeds once it answers")
    func registryDownMidDraft() throws {
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("billing-peer")
        defer { directory.remove() }
        var registry = try ServiceProcess("registry", keys: keys)
        let registryData = registry.dataDirectory
        // Documents answers the adoption's question about § 12 (it holds no meetings: the caller's word stands).
        let documents = try ServiceProcess("documents", keys: keys, extraArguments: try FinanceWithPeers.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port]))
        defer { documents.terminate() }
        let finance = try ServiceProcess("finance", keys: keys, extraArguments: try FinanceWithPeers.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port, "documents": documents.port]))
        try Self.prepareRegistry(registry)
        try Self.adoptBudget(finance)
        let writer = finance.client(keys.writer)
        defer { writer.close() }
        let draft = BillingDraft(budget: BudgetRef(committee: "NBE", year: 2023), period: Self.months[0])
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

    /// Imports NBE and gives its parties invented invoicing details, the host a bankgiro.
    static func prepareRegistry(_ registry: ServiceProcess) throws {
        let client = registry.client()
        defer { client.close() }
        let data = try Data(contentsOf: seedDirectory.appendingPathComponent("norrbotten-e-namnd.json"))
        _ = try client.call(RegistryMethods.importCommittee, ImportRequest(file: try JSONDecoder().decode(CommitteeFile.self, from: data)))
        for var party in try client.call(RegistryMethods.partyList, ListRequest(committee: "NBE")) {
            party.invoicing = InvoiceDetails(address: PostalAddress(lines: [party.name, "Box 1"], postalCode: "971 85", city: "Testby"),
                                             buyerReference: "Ref \(party.code) (invented)", bankgiro: party.isHost ? "5050-1055" : nil)
            _ = try client.call(RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: party))
        }
    }

    /// Adopts and allocates NBE 2023: two lines, one outside the scope of VAT, one at 25 %.
    static func adoptBudget(_ finance: ServiceProcess) throws {
        let writer = finance.client(finance.keys.writer)
        defer { writer.close() }
        let reference = BudgetRef(committee: "NBE", year: 2023)
        let lines = [
            BudgetLine(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 1_127_000), model: .equal),
            BudgetLine(objectCode: "PLATT", name: "E-tjänsteplattform", amount: Money(kronor: 140_000), vat: VATTreatment(rate: .standard),
                       unit: Money(kronor: 1), model: .equal),
        ]
        _ = try writer.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: lines))
        _ = try writer.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: reference, adoption: Adoption(
            protocolDate: CalendarDate("2022-06-22")!, paragraph: 12, justeratOn: CalendarDate("2022-06-29")!)))
        _ = try writer.call(FinanceMethods.allocationRun, reference)
    }

    /// Drafts one run per month as the writer key and approves each as the admin key; returns
    /// the runs' numbers.
    static func draftAndApprove(_ finance: ServiceProcess, months: [Period]) throws -> [Int] {
        let writer = finance.client(finance.keys.writer)
        let admin = finance.client(finance.keys.admin)
        defer {
            writer.close()
            admin.close()
        }
        return try months.map { month in
            let run = try writer.call(FinanceMethods.billingDraft, BillingDraft(budget: BudgetRef(committee: "NBE", year: 2023), period: month))
            _ = try admin.call(FinanceMethods.billingApprove, BillingApprove(run: BillingRunRef(committee: "NBE", run: run.run), total: run.total))
            return run.run
        }
    }

    /// Issues `runs` from two clients at once (alternate runs each), each stopping at its first
    /// failure; `killAfterFirstAnswer` runs once the first run has been answered. Returns the
    /// runs answered as issued.
    static func issueConcurrently(_ finance: ServiceProcess, runs: [Int], killAfterFirstAnswer: (() -> Void)?) -> [Int] {
        let answered = Mutex<[Int]>([])
        let first = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        var options = ClientOptions()
        options.maxAttempts = 1
        options.callTimeout = 5
        for parity in 0..<2 {
            let client = finance.client(options: options)
            Thread {
                defer {
                    client.close()
                    done.signal()
                }
                for run in stride(from: parity, to: runs.count, by: 2).map({ runs[$0] }) {
                    guard (try? client.call(FinanceMethods.billingIssue, BillingRunRef(committee: "NBE", run: run))) != nil else { return }
                    let count = answered.withLock { list in
                        list.append(run)
                        return list.count
                    }
                    if count == 1 { first.signal() }
                }
            }.start()
        }
        if let kill = killAfterFirstAnswer {
            first.wait()
            kill()
        }
        done.wait()
        done.wait()
        return answered.withLock { $0.sorted() }
    }
}
