import FinanceAPI
import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport
import RegistryAPI

/// Issue 9's measure: allocating a 20-line budget over 290 parties (every municipality in
/// Sweden), over the protocol, end to end: a client asks a real `kansli-finance` process for
/// `finance.allocation.preview`, which asks a real `kansli-registry` process for the parties and
/// every key figure, allocates the 20 lines exactly and answers with every share and its
/// explanation. The baseline is `health` on the same finance server and connections.
///
/// Issue 10's measure: allocating and invoicing the same budget end to end — `finance.allocation.run`
/// (stored), `finance.billing.draft` (which asks the registry for the parties' invoicing details),
/// `finance.billing.approve` by a second key and `finance.billing.issue` (every invoice numbered in
/// one transaction): 289 paying parties, two invoices each (lines outside the scope of VAT and
/// lines at 25 % never share one), 578 invoices. Each round bills a new budget year; the baseline
/// is a `health` round trip on the same server in the same run.
enum FinanceBench {
    static let parties = 290

    /// 290 parties with population 2022, as a registry import file.
    static func committee() throws -> CommitteeFile {
        var records: [[String: Any]] = []
        var keys: [[String: Any]] = []
        for index in 1...parties {
            let code = "kommun-\(index)"
            // Invented invoicing details; the host (kommun-1) has the bankgiro.
            var invoicing: [String: Any] = ["address": ["lines": ["Kommun \(index)", "Box \(index)"], "postalCode": "123 45", "city": "Ort"],
                                            "buyerReference": "Ref \(index)"]
            if index == 1 { invoicing["bankgiro"] = "5050-1055" }
            records.append(["code": code, "name": "Kommun \(index)", "kind": "kommun", "isHost": index == 1,
                            "joinedOn": index % 29 == 0 ? "2023-07-01" : "2018-01-01", "invoicing": invoicing,
                            "organisationNumber": RegistryBench.organisationNumber(index)])
            keys.append(["party": code, "kind": "population", "year": 2022, "value": 2_500 + (index * 7_919) % 97_000,
                         "referenceDate": "2021-12-31", "source": "benchmark figures"])
        }
        let file: [String: Any] = [
            "formatVersion": 1,
            "committee": ["code": "SWE", "name": "Every municipality", "shortName": "SWE", "caseNumberFormat": "{year}/{serial}"],
            "parties": records, "yearlyKeys": keys,
        ]
        return try JSONDecoder().decode(CommitteeFile.self, from: JSONSerialization.data(withJSONObject: file))
    }

    /// 20 lines over the models the seeds use: equal, by population, 50/50, a weight table, fixed
    /// amounts, pro rata by days (parties that join on 1 July), four of each but the last two.
    static func lines() -> [BudgetLine] {
        let key = AllocationKey(kind: .population, year: 2022)
        let codes = (1...parties).map { "kommun-\($0)" }
        let weights = PartyTable(rows: codes.enumerated().map { PartyAmount(party: $0.element, value: Int64(40_000 + $0.offset * 37)) })
        let fixed = PartyTable(rows: codes.map { PartyAmount(party: $0, value: 1_000_00) })
        var lines: [BudgetLine] = []
        for index in 0..<20 {
            let amount = Money(kronor: Int64(1_000_000 + index * 12_345) / 100 * 100)
            let model: AllocationModel
            switch index % 6 {
            case 0: model = .equal
            case 1: model = .byKey(key)
            case 2: model = .mix(key: key)
            case 3: model = .proportional(weights)
            case 4: model = .daysConnected()
            default: model = .fixed(fixed)
            }
            let lineAmount = model.kind == .fixed ? Money(ore: fixed.statedTotal) : amount
            // Every fifth line is taxed at 25 %, so each party gets two invoices.
            let vat = index % 5 == 4 ? VATTreatment(rate: .standard)
                : VATTreatment(rate: .outsideScope, reason: "cost sharing between the parties under the cooperation agreement")
            lines.append(BudgetLine(objectCode: "L\(index)", name: "Line \(index)", amount: lineAmount, vat: vat,
                                    unit: Money(kronor: index % 2 == 0 ? 100 : 1), model: model))
        }
        return lines
    }

    /// `smoke`: only check that the budget allocates over the protocol (the measurement's 50-call
    /// warm-ups per connection would dominate a smoke run).
    static func run(requests: Int, smoke: Bool = false) throws {
        // The approver of each billing run is a second key (the cluster's writer).
        let cluster = try BenchCluster(services: ["registry", "documents", "finance"])
        defer { cluster.stop() }
        let port = cluster.ports["finance"]!, credential = cluster.admin, approverKey = cluster.writer
        let registryClient = cluster.client("registry")
        _ = try registryClient.call(RegistryMethods.importCommittee, ImportRequest(file: try committee()))
        let financeClient = cluster.client("finance")
        _ = try financeClient.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "SWE", year: 2023, lines: lines()))
        let reference = BudgetRef(committee: "SWE", year: 2023)
        let check = try financeClient.call(FinanceMethods.allocationPreview, reference)
        guard check.lines.count == 20,
              check.lines.allSatisfy({ $0.shares.count == parties && $0.shares.reduce(Money.zero) { $0 + $1.rounded } == $0.amount })
        else { throw ServiceError(.internal, "the benchmark budget's allocation is wrong") }
        let bytes = try ProtocolCoding.encode(check).count
        let single = ContinuousClock.now
        _ = try financeClient.call(FinanceMethods.allocationPreview, reference)
        let once = ContinuousClock.now - single
        guard !smoke else {
            print("\n## Finance allocation (smoke: one 20 × 290 preview, \(bytes / 1024) KiB, in \(once))")
            try billing(rounds: 1, client: financeClient, approver: ServiceClient(host: "127.0.0.1", port: port, credential: approverKey),
                        smoke: true)
            return
        }

        print("\n## Finance allocation (20 lines × 290 parties, a \(bytes / 1024) KiB answer; \(requests) requests per connection, best of 3 alternating runs)")
        print("| connections | health req/s (baseline) | allocation.preview req/s | health p99 µs | allocation p99 µs | p99 ratio |")
        print("|---|---|---|---|---|---|")
        for connections in [1, 4] {
            let (health, allocation) = try RoundTripBench.bestOf(3, {
                try RoundTripBench.measure(connections: connections, perConnection: requests) {
                    let client = ServiceClient(host: "127.0.0.1", port: port, credential: credential)
                    return { _ = try client.call(CommonMethods.health, HealthRequest()) }
                }
            }, {
                try RoundTripBench.measure(connections: connections, perConnection: requests) {
                    let client = ServiceClient(host: "127.0.0.1", port: port, credential: credential)
                    return { _ = try client.call(FinanceMethods.allocationPreview, reference) }
                }
            })
            print("| \(connections) | \(Int(health.roundTripsPerSecond)) | \(Int(allocation.roundTripsPerSecond)) | "
                  + "\(RoundTripBench.format(health.p99)) | \(RoundTripBench.format(allocation.p99)) | \(RoundTripBench.format(allocation.p99 / health.p99))× |")
        }
        try billing(rounds: requests >= 100 ? 10 : 3, client: financeClient,
                    approver: ServiceClient(host: "127.0.0.1", port: port, credential: approverKey), smoke: false)
    }

    /// Allocates and invoices a new budget year per round (2030, 2031 …), end to end over the
    /// protocol, and reports each round's time beside the median `health` round trip of the same
    /// server measured between the rounds.
    static func billing(rounds: Int, client: ServiceClient, approver: ServiceClient, smoke: Bool) throws {
        var totals: [Duration] = []
        var steps: [[Duration]] = []
        var healths: [Duration] = []
        var invoiceCount = 0
        for round in 0..<rounds {
            let year = 2030 + round
            let reference = BudgetRef(committee: "SWE", year: year)
            _ = try client.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "SWE", year: year, lines: lines()))
            _ = try client.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: reference, adoption: Adoption(
                protocolDate: CalendarDate(year: year - 1, month: 6, day: 22)!, paragraph: 12, justeratOn: CalendarDate(year: year - 1, month: 6, day: 29)!)))
            for _ in 0..<50 {
                let start = ContinuousClock.now
                _ = try client.call(CommonMethods.health, HealthRequest())
                healths.append(ContinuousClock.now - start)
            }
            let start = ContinuousClock.now
            _ = try client.call(FinanceMethods.allocationRun, reference)
            let allocated = ContinuousClock.now
            let draft = try client.call(FinanceMethods.billingDraft, BillingDraft(budget: reference))
            let drafted = ContinuousClock.now
            _ = try approver.call(FinanceMethods.billingApprove, BillingApprove(run: BillingRunRef(committee: "SWE", run: draft.run), total: draft.total))
            let approved = ContinuousClock.now
            _ = try client.call(FinanceMethods.billingIssue, BillingRunRef(committee: "SWE", run: draft.run))
            let end = ContinuousClock.now
            let issued = try client.call(FinanceMethods.billingGet, BillingRunRef(committee: "SWE", run: draft.run))
            guard issued.status == .issued, issued.invoices.count == 2 * (parties - 1),
                  issued.invoices.allSatisfy({ $0.paymentReference.map(OCRReference.isValid) == true }) else {
                throw ServiceError(.internal, "the benchmark's billing run is wrong")
            }
            invoiceCount = issued.invoices.count
            totals.append(end - start)
            steps.append([allocated - start, drafted - allocated, approved - drafted, end - approved])
        }
        func ms(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            let value = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            return value < 10 ? String(format: "%.2f", value) : String(format: "%.0f", value)
        }
        let median = totals.sorted()[totals.count / 2]
        let health = healths.sorted()[healths.count / 2]
        let medianSteps = (0..<4).map { step in steps.map { $0[step] }.sorted()[steps.count / 2] }
        let ratio = Double(median.components.seconds) * 1e18 + Double(median.components.attoseconds)
        let base = Double(health.components.seconds) * 1e18 + Double(health.components.attoseconds)
        print("\n## Finance billing\(smoke ? " (smoke: figures meaningless)" : ""): allocate and invoice 20 lines × 290 parties end to end (\(invoiceCount) invoices, \(rounds) rounds)")
        print("| health p50 ms (baseline) | allocate + invoice median ms | max ms | ÷ health | allocation.run | billing.draft | billing.approve | billing.issue |")
        print("|---|---|---|---|---|---|---|---|")
        print("| \(ms(health)) | \(ms(median)) | \(ms(totals.max()!)) | \(Int(ratio / base))× | " + medianSteps.map(ms).joined(separator: " | ") + " |")
    }
}
