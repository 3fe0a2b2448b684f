import Foundation
import KansliProtocol
import KansliTestSupport
import RegistryAPI
import Testing

/// A few cycles of scripts/reliability.sh in the suite: the same runner, fewer cycles.
@Suite("Kill -9 cycles under write load", .serialized)
struct CrashCycleTests {
    @Test("registry: three kill -9 cycles under four writers lose, duplicate and damage nothing")
    func registryCycles() throws {
        let report = try CrashCycles.run(service: "registry", cycles: 3, seed: 3, setup: { client in
            _ = try client.call(RegistryMethods.importCommittee, ImportRequest(file: try RegistryProcessTests.seed("jamtland-gns.json")))
        }, write: { client, worker, index in
            try client.call(RegistryMethods.personCreate, PersonCreate(
                committee: "GNS", id: "crash-\(worker)-\(index)", name: "Crash Person \(worker) \(index)")).id
        }, present: { client in
            try client.call(RegistryMethods.personList, ListRequest(committee: "GNS")).map(\.id).filter { $0.hasPrefix("crash-") }
        })
        #expect(report.cycles == 3)
        #expect(report.acknowledged >= 3, "\(report)")
        #expect(report.lost.isEmpty, "acknowledged but lost: \(report.lost.prefix(5))")
        #expect(report.duplicated.isEmpty, "\(report.duplicated.prefix(5))")
        #expect(report.damaged.isEmpty, "\(report.damaged)")
    }

    @Test("documents: three kill -9 cycles while signatures and notices are written; none lost or doubled, every protocol and the log verify")
    func documentsCycles() throws {
        let workload = try DocumentsCrashWorkload(meetings: 120)
        let directory = try TemporaryDirectory("crash-documents-peers")
        defer { directory.remove() }
        let registry = try ServiceProcess("registry", keys: workload.keys)
        defer { registry.terminate() }
        let file = try RegistryProcessTests.seed("norrbotten-e-namnd.json")
        try workload.setUpRegistry(registry.client(), committeeFile: file)
        let report = try CrashCycles.run(
            service: "documents", cycles: 3, writers: workload.writers, seed: 5, keys: workload.keys,
            extraArguments: try ServiceProcess.peerArguments(workload.keys, directory: directory, addresses: ["registry": registry.port]),
            credential: workload.credential(worker:), killWithin: 30,
            setup: workload.setUpDocuments, write: { client, worker, _ in try workload.write(client, worker: worker) },
            present: workload.present, check: workload.check)
        #expect(report.cycles == 3)
        #expect(report.acknowledged >= 3, "\(report)")
        #expect(report.lost.isEmpty, "acknowledged but lost: \(report.lost.prefix(5))")
        #expect(report.duplicated.isEmpty, "\(report.duplicated.prefix(5))")
        #expect(report.damaged.isEmpty, "\(report.damaged.prefix(5))")
    }
}
