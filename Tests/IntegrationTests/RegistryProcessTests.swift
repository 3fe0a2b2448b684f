import Foundation
import KansliProtocol
import KansliTestSupport
import KansliTransport
import RegistryAPI
import Synchronization
import Testing

/// kansli-registry as a real process: the seed committees over the wire, roles, and durability
/// of acknowledged writes across kill -9 and restarts.
@Suite("kansli-registry over the network", .serialized)
struct RegistryProcessTests {
    static let seedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/seed-data")

    static func seed(_ name: String) throws -> CommitteeFile {
        try JSONDecoder().decode(CommitteeFile.self, from: Data(contentsOf: seedDirectory.appendingPathComponent(name)))
    }

    static let day = CalendarDate("2022-06-22")!

    @Test("both seed committees import over the wire; Norrbotten on 2022-06-22 matches the seed's närvarolista")
    func seedCommittees() throws {
        let registry = try ServiceProcess("registry")
        defer { registry.terminate() }
        let client = registry.client()
        let norrbotten = try Self.seed("norrbotten-e-namnd.json")
        let imported = try client.call(RegistryMethods.importCommittee, ImportRequest(file: norrbotten))
        #expect(imported.counts.parties == 14)
        _ = try client.call(RegistryMethods.importCommittee, ImportRequest(file: try Self.seed("jamtland-gns.json")))
        #expect(try client.call(RegistryMethods.committeeList, Empty()).count == 2)

        let composition = try client.call(RegistryMethods.composition, CompositionRequest(committee: "NBE", on: Self.day))
        #expect(composition.ledamoter.count == 14)
        #expect(composition.ersattare.count == 14)
        #expect(composition.chair?.name == "Carina Sammeli")
        #expect(composition.viceChair?.name == "Isak Utsi")
        let boden = try #require(composition.parties.first { $0.name.hasPrefix("Boden") })
        #expect(boden.ledamoter.map(\.name) == ["Lena Goldkuhl"])
        #expect(boden.ersattare.map(\.name) == ["Johan Johansson"])
        #expect(boden.ersattare.first?.politicalParty == "MP")

        // Export and re-import (replacing) give the same content.
        let exported = try client.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE"))
        #expect(exported == norrbotten)
        _ = try client.call(RegistryMethods.importCommittee, ImportRequest(file: exported, replaceExisting: true))
        #expect(try client.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE")) == norrbotten)
    }

    @Test("a read key may query but not write; the refusal names the role")
    func rolesOverTheWire() throws {
        let registry = try ServiceProcess("registry")
        defer { registry.terminate() }
        _ = try registry.client().call(RegistryMethods.importCommittee, ImportRequest(file: try Self.seed("jamtland-gns.json")))
        let reader = registry.client(registry.keys.reader)
        #expect(try reader.call(RegistryMethods.committeeList, Empty()).count == 1)
        do {
            _ = try reader.call(RegistryMethods.personCreate, PersonCreate(committee: "GNS", name: "Ny Person"))
            Issue.record("a read key wrote")
        } catch {
            #expect(error.code == .forbidden)
        }
    }

    @Test("a write repeated with the same idempotency key after a restart is applied once")
    func idempotencyAcrossRestart() throws {
        let first = try ServiceProcess("registry")
        _ = try first.client().call(RegistryMethods.importCommittee, ImportRequest(file: try Self.seed("jamtland-gns.json")))
        let key = (0..<16).map { UInt8($0 + 1) }
        let request = PersonCreate(committee: "GNS", name: "Anna Andersson")
        let created = try first.client().call(RegistryMethods.personCreate, request, idempotencyKey: key)
        #expect(first.terminate() == 0)

        let second = try ServiceProcess("registry", keys: first.keys, dataDirectory: first.dataDirectory)
        defer { second.terminate() }
        let repeated = try second.client().call(RegistryMethods.personCreate, request, idempotencyKey: key)
        #expect(repeated == created)
        let people = try second.client().call(RegistryMethods.personList, ListRequest(committee: "GNS"))
        #expect(people.filter { $0.name == "Anna Andersson" }.count == 1)
        #expect(try second.client().call(CommonMethods.stats, Empty()).replayedWrites == 1)
    }

    @Test("every write acknowledged before kill -9 is there after the restart, and the database is whole")
    func acknowledgedWritesSurviveKill() throws {
        let registry = try ServiceProcess("registry")
        _ = try registry.client().call(RegistryMethods.importCommittee, ImportRequest(file: try Self.seed("jamtland-gns.json")))
        let acknowledged = Mutex<[String]>([])
        let writer = Thread {
            var options = ClientOptions()
            options.maxAttempts = 1
            let client = registry.client(options: options)
            for index in 0..<100_000 {
                guard let person = try? client.call(RegistryMethods.personCreate,
                                                    PersonCreate(committee: "GNS", id: "kill-test-\(index)", name: "Person \(index)"))
                else { return }
                acknowledged.withLock { $0.append(person.id) }
            }
        }
        writer.start()
        // Let writes flow, then kill the service while one is in flight.
        while acknowledged.withLock({ $0.count }) < 40 { Thread.sleep(forTimeInterval: 0.005) }
        registry.killHard()
        Thread.sleep(forTimeInterval: 0.2)
        let written = acknowledged.withLock { $0 }

        let restarted = try ServiceProcess("registry", keys: registry.keys, dataDirectory: registry.dataDirectory)
        defer { restarted.terminate() }
        let people = Set(try restarted.client().call(RegistryMethods.personList, ListRequest(committee: "GNS")).map(\.id))
        let missing = written.filter { !people.contains($0) }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing)")
        #expect(written.count >= 40)
        // The committee still passes every rule and exports whole.
        let exported = try restarted.client().call(RegistryMethods.exportCommittee, CommitteeRef(committee: "GNS"))
        #expect(exported.persons.count == people.count)
        #expect(try restarted.client().call(CommonMethods.health, HealthRequest()).status == "ok")
    }
}
