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
}
