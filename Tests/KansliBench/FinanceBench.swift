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
enum FinanceBench {
    static let parties = 290

    /// 290 parties with population 2022, as a registry import file.
    static func committee() throws -> CommitteeFile {
        var records: [[String: Any]] = []
        var keys: [[String: Any]] = []
        for index in 1...parties {
            let code = "kommun-\(index)"
            records.append(["code": code, "name": "Kommun \(index)", "kind": "kommun", "isHost": index == 1,
                            "joinedOn": index % 29 == 0 ? "2023-07-01" : "2018-01-01", "invoicing": [String: Any](),
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
            lines.append(BudgetLine(objectCode: "L\(index)", name: "Line \(index)", amount: lineAmount,
                                    unit: Money(kronor: index % 2 == 0 ? 100 : 1), model: model))
        }
        return lines
    }

    /// `smoke`: only check that the budget allocates over the protocol (the measurement's 50-call
    /// warm-ups per connection would dominate a smoke run).
    static func run(requests: Int, smoke: Bool = false) throws {
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        let directory = NSTemporaryDirectory() + "kansli-bench-finance-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let admin = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let peer = (0..<32).map { _ in UInt8.random(in: 0...255) }
        // Each service's key file holds the secrets derived for it (PROTOCOL §4).
        let adminKey = try ClientCredential(keyID: "bench", secret: admin)
        let peerKey = try ClientCredential(keyID: "finance-peer", secret: peer)
        for service in ["registry", "finance"] {
            try (adminKey.serverKeyLine(forService: service, role: .admin) + "\n"
                 + peerKey.serverKeyLine(forService: service, role: .read) + "\n")
                .write(toFile: "\(directory)/keys-\(service)", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(directory)/keys-\(service)")
        }
        try "finance-peer \(Hex.encode(peer))\n".write(toFile: "\(directory)/peer.key", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(directory)/peer.key")

        func start(_ name: String, _ extra: [String]) throws -> (Process, Int) {
            let data = "\(directory)/\(name)"
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "\(binDirectory)/kansli-\(name)")
            process.arguments = ["--port", "0", "--data-dir", data, "--keys", "\(directory)/keys-\(name)", "--log-level", "warning"] + extra
            try process.run()
            for _ in 0..<500 {
                if let text = try? String(contentsOfFile: "\(data)/\(name).ready", encoding: .utf8),
                   let port = text.split(separator: "\n").first(where: { $0.hasPrefix("port=") }).flatMap({ Int($0.dropFirst(5)) }) {
                    return (process, port)
                }
                Thread.sleep(forTimeInterval: 0.01)
            }
            process.terminate()
            throw ServiceError(.unavailable, "kansli-\(name) did not start")
        }
        let (registry, registryPort) = try start("registry", [])
        defer { registry.terminate(); registry.waitUntilExit() }
        let (finance, port) = try start("finance", ["--registry-address", "127.0.0.1:\(registryPort)",
                                                    "--peer-key-file", "\(directory)/peer.key"])
        defer { finance.terminate(); finance.waitUntilExit() }

        let credential = try ClientCredential(keyID: "bench", secret: admin)
        let registryClient = ServiceClient(host: "127.0.0.1", port: registryPort, credential: credential)
        _ = try registryClient.call(RegistryMethods.importCommittee, ImportRequest(file: try committee()))
        let financeClient = ServiceClient(host: "127.0.0.1", port: port, credential: credential)
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
    }
}
