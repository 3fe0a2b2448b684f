import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import DocumentsAPI
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
        let workload = try DocumentsCrashWorkload(meetings: 190)
        let directory = try TemporaryDirectory("reliability-documents")
        defer { directory.remove() }
        let peer = try ServiceProcess("registry", keys: workload.keys)
        defer { peer.terminate() }
        let file = try JSONDecoder().decode(CommitteeFile.self, from: Data(contentsOf: BillingCrashCycles.seedDirectory
            .appendingPathComponent("norrbotten-e-namnd.json")))
        try workload.setUpRegistry(peer.client(), committeeFile: file)
        let documents = try CrashCycles.run(
            service: "documents", cycles: cycles, writers: workload.writers, seed: 15, keys: workload.keys,
            extraArguments: try ServiceProcess.peerArguments(workload.keys, directory: directory, addresses: ["registry": peer.port]),
            credential: workload.credential(worker:), killWithin: 6,
            setup: workload.setUpDocuments, write: { client, worker, _ in try workload.write(client, worker: worker) },
            present: workload.present, check: workload.check)
        let billing = try BillingCrashCycles.run(cycles: cycles, runsPerCycle: 3, seed: 16)
        print("""

            ## Crash safety: kill -9 under write load, restart, check
            | service | writes | cycles | acknowledged writes | lost | duplicated | damaged or not verifying |
            |---|---|---|---|---|---|---|
            | registry | registry.person.create, 4 writers | \(registry.cycles) | \(registry.acknowledged) | \(registry.lost.count) | \(registry.duplicated.count) | \(registry.damaged.count) |
            | documents | documents.signing.sign (3 signers) and documents.notice.post (2 writers); every protocol and the log verified after each restart | \(documents.cycles) | \(documents.acknowledged) | \(documents.lost.count) | \(documents.duplicated.count) | \(documents.damaged.count) |

            | service | writes | cycles | runs issued | invoices | problems (gaps, partial runs, lost runs, double billing) |
            |---|---|---|---|---|---|
            | finance | finance.billing.issue, 2 clients, 3 runs a cycle | \(billing.cycles) | \(billing.runs) | \(billing.invoices) | \(billing.problems.count) |
            Goal (issue 14): zero lost, zero duplicated, every database whole, every protocol and log verifying.
            """)
        for problem in (registry.lost + registry.duplicated + registry.damaged + documents.lost + documents.duplicated
                        + documents.damaged + billing.problems).prefix(10) {
            print("  problem: \(problem)")
        }
        return registry.isClean && documents.isClean && billing.problems.isEmpty
    }
}
