import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import RegistryAPI

/// `scripts/reliability.sh`: kill -9 cycles under write load (CrashCycles), per service, with the
/// writes checked and lost. Not a timing benchmark: it reports counts, and fails on any loss.
enum ReliabilityBench {
    static func run(cycles: Int) throws -> Bool {
        let registry = try CrashCycles.run(service: "registry", cycles: cycles, seed: 14, setup: { client in
            _ = try client.call(RegistryMethods.importCommittee, ImportRequest(file: try RegistryBench.committee()))
        }, write: { client, worker, index in
            try client.call(RegistryMethods.personCreate, PersonCreate(
                committee: "BENCH", id: "crash-\(worker)-\(index)", name: "Crash Person \(worker) \(index)")).id
        }, present: { client in
            try client.call(RegistryMethods.personList, ListRequest(committee: "BENCH")).map(\.id).filter { $0.hasPrefix("crash-") }
        })
        print("""

            ## Crash safety: kill -9 under write load, restart, check (registry.person.create, 4 writers)
            | service | cycles | acknowledged writes | lost | duplicated | damaged databases |
            |---|---|---|---|---|---|
            | registry | \(registry.cycles) | \(registry.acknowledged) | \(registry.lost.count) | \(registry.duplicated.count) | \(registry.damaged.count) |
            Goal (issue 14): zero lost, zero duplicated, every database whole.
            """)
        for problem in (registry.lost + registry.duplicated + registry.damaged).prefix(10) { print("  problem: \(problem)") }
        return registry.isClean
    }
}
