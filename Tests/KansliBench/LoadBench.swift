import DocumentsAPI
import FinanceAPI
import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport
import RegistryAPI
import Synchronization

/// Issue 14's load: 64 concurrent clients on a mix of reads and writes across the three services
/// (release processes, finance and documents calling the registry as their peer) for a fixed
/// time, with throughput, p50/p99/p999 and errors per operation and each service's peak memory.
/// The baseline is `health` on the registry under the same load, measured in the same run.
enum LoadBench {
    /// One kind of call in the mix, with how often it is picked (out of the weights' sum).
    struct Operation: Sendable {
        let name: String
        let weight: Int
        let call: @Sendable (_ clients: Clients, _ worker: Int, _ sequence: Int) throws -> Void
    }

    /// One worker's connections to the three services.
    final class Clients: Sendable {
        let registry: ServiceClient
        let finance: ServiceClient
        let documents: ServiceClient
        init(_ ports: [String: Int], credential: ClientCredential) {
            registry = ServiceClient(host: "127.0.0.1", port: ports["registry"]!, credential: credential)
            finance = ServiceClient(host: "127.0.0.1", port: ports["finance"]!, credential: credential)
            documents = ServiceClient(host: "127.0.0.1", port: ports["documents"]!, credential: credential)
        }
        func close() {
            registry.close()
            finance.close()
            documents.close()
        }
    }

    /// What every worker records, per operation.
    struct Tally {
        var latencies: [String: [Double]] = [:]
        var errors: [String: Int] = [:]
        var firstError: [String: String] = [:]
    }

    static let day = CalendarDate("2022-06-22")!
    /// The meeting documents' operations read: everyone present, ten paragraphs.
    static let meeting = MeetingRef(committee: "BENCH", date: day)

    static let operations: [Operation] = [
        Operation(name: "registry.composition", weight: 30) { clients, _, _ in
            _ = try clients.registry.call(RegistryMethods.composition, CompositionRequest(committee: "BENCH", on: day))
        },
        Operation(name: "registry.party.list", weight: 15) { clients, _, _ in
            _ = try clients.registry.call(RegistryMethods.partyList, ListRequest(committee: "BENCH"))
        },
        Operation(name: "registry.person.create", weight: 10) { clients, worker, sequence in
            _ = try clients.registry.call(RegistryMethods.personCreate, PersonCreate(
                committee: "BENCH", id: "load-\(worker)-\(sequence)", name: "Load Person \(worker) \(sequence)"))
        },
        Operation(name: "finance.budget.get", weight: 20) { clients, _, _ in
            _ = try clients.finance.call(FinanceMethods.budgetGet, BudgetRef(committee: "BENCH", year: 2023))
        },
        Operation(name: "finance.forecast.set", weight: 10) { clients, worker, sequence in
            _ = try clients.finance.call(FinanceMethods.forecastSet, ForecastSet(
                year: YearRef(committee: "BENCH", year: 2023),
                forecasts: [Forecast(objectCode: "GRUND", direction: .income,
                                     amount: Money(kronor: Int64(1_000_000 + worker * 1000 + sequence % 1000)), asOf: day)]))
        },
        Operation(name: "finance.health (peers)", weight: 5) { clients, _, _ in
            _ = try clients.finance.call(CommonMethods.health, HealthRequest(peers: true))
        },
        Operation(name: "documents.meeting.get", weight: 10) { clients, _, _ in
            _ = try clients.documents.call(DocumentsMethods.meetingGet, meeting)
        },
        Operation(name: "documents.render (protocol HTML)", weight: 5) { clients, _, _ in
            _ = try clients.documents.call(DocumentsMethods.render, RenderRequest(meeting: meeting, document: .protocol, format: .html))
        },
        Operation(name: "documents.notice.check", weight: 5) { clients, _, _ in
            _ = try clients.documents.call(DocumentsMethods.noticeCheck, NoticePost(meeting: meeting, party: "kommun-2", postedOn: day.adding(days: 9),
                                                                                      justeratOn: day.adding(days: 7)))
        },
        Operation(name: "documents.casenumber.allocate", weight: 5) { clients, _, _ in
            _ = try clients.documents.call(DocumentsMethods.caseNumberAllocate, CaseNumberAllocate(committee: "BENCH", year: 2022))
        },
        Operation(name: "documents.health (peers)", weight: 5) { clients, _, _ in
            _ = try clients.documents.call(CommonMethods.health, HealthRequest(peers: true))
        },
        Operation(name: "registry.health (baseline)", weight: 5) { clients, _, _ in
            _ = try clients.registry.call(CommonMethods.health, HealthRequest())
        },
    ]

    static func run(clients workers: Int, seconds: Double) throws {
        let cluster = try BenchCluster(services: ["registry", "documents", "finance"])
        defer { cluster.stop() }
        let setup = Clients(cluster.ports, credential: cluster.admin)
        defer { setup.close() }
        _ = try setup.registry.call(RegistryMethods.importCommittee, ImportRequest(file: try RegistryBench.committee()))
        _ = try setup.finance.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "BENCH", year: 2023, lines: [
            BudgetLine(objectCode: "GRUND", name: "Grundfinansiering", amount: Money(kronor: 1_127_000), model: .equal),
        ]))
        _ = try setup.documents.call(DocumentsMethods.meetingCreate, MeetingCreate(committee: "BENCH", date: day, startTime: "13:00", place: "Teams"))
        _ = try setup.documents.call(DocumentsMethods.attendanceSet, AttendanceSet(meeting: meeting))
        for number in 1...10 {
            _ = try setup.documents.call(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: meeting, content: ParagraphContent(
                title: "Ärende \(number)", decision: "Nämnden beslutar att lägga informationen till handlingarna.")))
        }

        let weights = operations.flatMap { operation in Array(repeating: operation, count: operation.weight) }
        let tallies = Mutex<[Tally]>([])
        let stop = Atomic<Bool>(false)
        let done = DispatchSemaphore(value: 0)
        let started = ContinuousClock.now
        let ports = cluster.ports, admin = cluster.admin
        for worker in 0..<workers {
            let thread = Thread {
                let clients = Clients(ports, credential: admin)
                defer { clients.close() }
                var tally = Tally()
                var generator = SystemRandomNumberGenerator()
                var sequence = 0
                while !stop.load(ordering: .relaxed) {
                    let operation = weights.randomElement(using: &generator)!
                    sequence += 1
                    let start = ContinuousClock.now
                    do {
                        try operation.call(clients, worker, sequence)
                        let elapsed = ContinuousClock.now - start
                        tally.latencies[operation.name, default: []].append(
                            Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
                    } catch {
                        tally.errors[operation.name, default: 0] += 1
                        if tally.firstError[operation.name] == nil { tally.firstError[operation.name] = "\(error)" }
                    }
                }
                tallies.withLock { $0.append(tally) }
                done.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        Thread.sleep(forTimeInterval: seconds)
        stop.store(true, ordering: .relaxed)
        for _ in 0..<workers { done.wait() }
        let elapsed = ContinuousClock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        var total = Tally()
        for tally in tallies.withLock({ $0 }) {
            for (name, values) in tally.latencies { total.latencies[name, default: []] += values }
            for (name, count) in tally.errors { total.errors[name, default: 0] += count }
            for (name, text) in tally.firstError where total.firstError[name] == nil { total.firstError[name] = text }
        }
        func percentile(_ sorted: [Double], _ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        let baseline = (total.latencies["registry.health (baseline)"] ?? []).sorted()
        let calls = total.latencies.values.reduce(0) { $0 + $1.count }
        let errors = total.errors.values.reduce(0, +)
        print("""

            ## Load: \(workers) concurrent clients, a mix across the three services, \(String(format: "%.0f", seconds)) s
            \(calls) calls answered (\(Int(Double(calls) / wall)) per second), \(errors) errors.
            | operation | calls | errors | p50 µs | p99 µs | p999 µs | p99 ÷ health p99 |
            |---|---|---|---|---|---|---|
            """)
        for operation in operations {
            let sorted = (total.latencies[operation.name] ?? []).sorted()
            let p99 = percentile(sorted, 0.99)
            print("| \(operation.name) | \(sorted.count) | \(total.errors[operation.name] ?? 0) | "
                  + "\(RoundTripBench.format(percentile(sorted, 0.5))) | \(RoundTripBench.format(p99)) | "
                  + "\(RoundTripBench.format(percentile(sorted, 0.999))) | \(String(format: "%.2f", p99 / max(1, percentile(baseline, 0.99))))× |")
        }
        for (name, text) in total.firstError.sorted(by: { $0.key < $1.key }) {
            print("First error of \(name): \(text.prefix(200))")
        }
        print("Peak memory (VmHWM): " + cluster.services.map { name in
            let peak = (try? MemoryBench.memory(of: cluster.processes[name]!.processIdentifier).peakKiB) ?? 0
            return "\(name) \(String(format: "%.1f", Double(peak) / 1024)) MiB"
        }.joined(separator: ", ") + ". Goal (issue 14): zero errors.")
    }
}
