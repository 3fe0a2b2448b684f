import FinanceAPI
import KansliCrypto
import Foundation
import KansliProtocol
import KansliTransport
import RegistryAPI
import Synchronization

/// Kill -9 while billing runs issue (issue 14's crash safety for finance): real registry,
/// documents and finance processes; each cycle drafts and approves `runsPerCycle` runs of one
/// day each, issues them from two clients at once, kills finance with SIGKILL at a seeded random
/// moment after the first answer, restarts it on the same database, and checks that the invoice
/// series is gap-free, only whole runs were issued, every run answered as issued stayed issued;
/// then issues the rest again. At the end no party is billed twice for a line and day.
public enum BillingCrashCycles {
    /// What the cycles found.
    public struct Report: Sendable, CustomStringConvertible {
        public var cycles = 0
        public var runs = 0
        public var invoices = 0
        /// Acknowledged runs that did not stay issued, gaps, partial runs, double billing (goal: none).
        public var problems: [String] = []
        public var description: String { "\(cycles) kill -9 cycles, \(runs) runs, \(invoices) invoices, \(problems.count) problems" }
    }

    /// The invoices of one run: NBE's 13 paying parties, each with one invoice per VAT scope.
    public static let invoicesPerRun = 26

    /// The days of 2023, one run each.
    static func day(_ index: Int) -> Period {
        let day = CalendarDate(year: 2023, month: 1, day: 1)!.adding(days: index)
        return Period(from: day, to: day)
    }

    public static let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    public static func run(cycles: Int, runsPerCycle: Int, seed: UInt64) throws -> Report {
        precondition(cycles * runsPerCycle <= 365, "one run a day of 2023")
        let keys = try TestKeys()
        let directory = try TemporaryDirectory("billing-kill")
        defer { directory.remove() }
        let registry = try ServiceProcess("registry", keys: keys)
        defer { registry.terminate() }
        let documents = try ServiceProcess("documents", keys: keys, extraArguments: try ServiceProcess.peerArguments(
            keys, directory: directory, addresses: ["registry": registry.port]))
        defer { documents.terminate() }
        let financeArguments = try ServiceProcess.peerArguments(keys, directory: directory, addresses: ["registry": registry.port, "documents": documents.port])
        let financeData = directory.file("finance-data")
        try FileManager.default.createDirectory(atPath: financeData, withIntermediateDirectories: true)
        var finance = try ServiceProcess("finance", keys: keys, dataDirectory: financeData, extraArguments: financeArguments)
        try prepareRegistry(registry)
        try adoptBudget(finance)
        var generator = SeededGenerator(seed: seed)
        var report = Report()
        for cycle in 0..<cycles {
            let runs = try draftAndApprove(finance, periods: (0..<runsPerCycle).map { day(cycle * runsPerCycle + $0) })
            report.runs += runs.count
            let delay = UInt32.random(in: 0...8_000, using: &generator)
            let answered = issueConcurrently(finance, runs: runs, killAfterFirstAnswer: {
                usleep(delay)
                finance.killHard()
            })
            finance = try ServiceProcess("finance", keys: keys, dataDirectory: financeData, extraArguments: financeArguments)
            let client = finance.client()
            defer { client.close() }
            let invoices = try client.call(FinanceMethods.invoiceList, InvoiceListRequest(committee: "NBE"))
            let serials = invoices.compactMap(\.number).map { Int($0.suffix(5)) ?? 0 }
            if serials != (0..<serials.count).map({ $0 + 1 }) { report.problems.append("cycle \(cycle): the invoice series has a gap") }
            if invoices.count % invoicesPerRun != 0 { report.problems.append("cycle \(cycle): a run was issued in part (\(invoices.count) invoices)") }
            let issued = try client.call(FinanceMethods.billingList, BillingListRequest(committee: "NBE")).filter { $0.status == .issued }
            if issued.count * invoicesPerRun != invoices.count { report.problems.append("cycle \(cycle): issued runs and invoices disagree") }
            for run in answered where !issued.contains(where: { $0.run == run }) {
                report.problems.append("cycle \(cycle): run \(run) was answered as issued but is not")
            }
            if issueConcurrently(finance, runs: runs, killAfterFirstAnswer: nil) != runs {
                report.problems.append("cycle \(cycle): not every run issued after the restart")
            }
            report.cycles += 1
        }
        let client = finance.client()
        defer { client.close() }
        let invoices = try client.call(FinanceMethods.invoiceList, InvoiceListRequest(committee: "NBE"))
        report.invoices = invoices.count
        if invoices.compactMap(\.number).map({ Int($0.suffix(5)) ?? 0 }) != Array(stride(from: 1, through: invoices.count, by: 1)) {
            report.problems.append("the invoice series has a gap")
        }
        var billed = Set<String>()
        for invoice in invoices {
            for line in invoice.lines where !billed.insert("\(invoice.recipient.party) \(line.objectCode) \(invoice.period)").inserted {
                report.problems.append("\(invoice.recipient.party) billed twice for \(line.objectCode) in \(invoice.period)")
            }
        }
        finance.terminate()
        return report
    }

    /// Imports NBE and gives its parties invented invoicing details, the host a bankgiro.
    public static func prepareRegistry(_ registry: ServiceProcess) throws {
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
    public static func adoptBudget(_ finance: ServiceProcess) throws {
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

    /// Drafts one run per period as the writer key and approves each as the admin key; returns
    /// the runs' numbers.
    public static func draftAndApprove(_ finance: ServiceProcess, periods: [Period]) throws -> [Int] {
        let writer = finance.client(finance.keys.writer)
        let admin = finance.client(finance.keys.admin)
        defer {
            writer.close()
            admin.close()
        }
        return try periods.map { month in
            let run = try writer.call(FinanceMethods.billingDraft, BillingDraft(budget: BudgetRef(committee: "NBE", year: 2023), period: month))
            _ = try admin.call(FinanceMethods.billingApprove, BillingApprove(run: BillingRunRef(committee: "NBE", run: run.run), total: run.total))
            return run.run
        }
    }

    /// Issues `runs` from two clients at once (alternate runs each), each stopping at its first
    /// failure; `killAfterFirstAnswer` runs once the first run has been answered. Returns the
    /// runs answered as issued.
    public static func issueConcurrently(_ finance: ServiceProcess, runs: [Int], killAfterFirstAnswer: (() -> Void)?) -> [Int] {
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
