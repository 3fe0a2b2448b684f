import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport
import RegistryAPI

/// The registry's composition query for a committee of 30 parties and 120 persons, served by a
/// real `kansli-registry` process over the protocol, on 1 and 16 connections. The baseline is
/// `health` on the same server and connections: the same transport, runtime and read
/// transaction, with no domain work.
enum RegistryBench {
    static let parties = 30

    /// A committee of `parties` parties (30 by default), each with two ledamöter and two ersättare
    /// (120 persons for 30), a chair and a vice chair, as a registry import file: 9 records per
    /// party and 2 more in all.
    static func committee(code: String = "BENCH", parties: Int = parties) throws -> CommitteeFile {
        var partyRecords: [[String: Any]] = []
        var persons: [[String: Any]] = []
        var appointments: [[String: Any]] = []
        for index in 1...parties {
            let code = "kommun-\(index)"
            partyRecords.append([
                "code": code, "name": "Kommun \(index)", "kind": "kommun", "isHost": index == 1,
                "joinedOn": "2018-01-01", "memberSeats": 2, "substituteSeats": 2, "invoicing": [String: Any](),
                "organisationNumber": organisationNumber(index),
            ])
            for (kind, seats) in [("ledamot", 2), ("ersattare", 2)] {
                for seat in 1...seats {
                    let person = "\(kind)-\(index)-\(seat)"
                    persons.append(["id": person, "name": "\(kind.capitalized) \(seat) för Kommun \(index)"])
                    appointments.append([
                        "id": "\(person)-2019", "person": person, "party": code, "kind": kind, "seat": seat,
                        "politicalParty": ["S", "M", "C", "V", "KD", "MP", "L", "SD"][(index + seat) % 8],
                        "mandatePeriod": "2019-2022", "from": "2019-01-01", "to": "2022-12-31",
                    ])
                }
            }
        }
        let roles: [[String: Any]] = [
            ["id": "chair", "person": "ledamot-1-1", "role": "chair", "from": "2019-01-01", "to": "2022-12-31"],
            ["id": "vice-chair", "person": "ledamot-2-1", "role": "vice-chair", "from": "2019-01-01", "to": "2022-12-31"],
        ]
        let file: [String: Any] = [
            "formatVersion": 1,
            "committee": ["code": code, "name": "Benchmark committee \(code)", "shortName": "Bench",
                          "caseNumberFormat": "{year}/{serial}"],
            "parties": partyRecords, "persons": persons, "appointments": appointments, "roles": roles,
        ]
        return try JSONDecoder().decode(CommitteeFile.self, from: JSONSerialization.data(withJSONObject: file))
    }

    /// `212000-NNNC`, with C the check digit the registry accepts.
    static func organisationNumber(_ index: Int) -> String {
        let body = "212000-" + String(format: "%03d", 100 + index)
        let check = (0...9).first { OrganisationNumber.isValid(body + String($0)) } ?? 0
        return body + String(check)
    }

    static func run(requests: Int) throws {
        let cluster = try BenchCluster(services: ["registry"])
        defer { cluster.stop() }
        let port = cluster.ports["registry"]!, credential = cluster.admin
        let setup = cluster.client("registry")
        _ = try setup.call(RegistryMethods.importCommittee, ImportRequest(file: try committee()))
        guard let day = CalendarDate("2022-06-22") else { return }
        let request = CompositionRequest(committee: "BENCH", on: day)
        let composition = try setup.call(RegistryMethods.composition, request)
        guard composition.ledamoter.count == 60, composition.ersattare.count == 60 else {
            throw ServiceError(.internal, "the benchmark committee's composition is wrong")
        }

        print("\n## Registry composition query (30 parties, 120 persons; \(requests) requests per connection, best of 3 alternating runs)")
        print("| connections | health req/s (baseline) | composition req/s | health p99 µs | composition p99 µs | p99 ratio |")
        print("|---|---|---|---|---|---|")
        for connections in [1, 16] {
            let (health, query) = try RoundTripBench.bestOf(3, {
                try RoundTripBench.measure(connections: connections, perConnection: requests) {
                    let client = ServiceClient(host: "127.0.0.1", port: port, credential: credential)
                    return { _ = try client.call(CommonMethods.health, HealthRequest()) }
                }
            }, {
                try RoundTripBench.measure(connections: connections, perConnection: requests) {
                    let client = ServiceClient(host: "127.0.0.1", port: port, credential: credential)
                    return { _ = try client.call(RegistryMethods.composition, request) }
                }
            })
            print("| \(connections) | \(Int(health.roundTripsPerSecond)) | \(Int(query.roundTripsPerSecond)) | "
                  + "\(RoundTripBench.format(health.p99)) | \(RoundTripBench.format(query.p99)) | \(RoundTripBench.format(query.p99 / health.p99))× |")
        }
        try personCreate(client: setup, requests: max(10, requests / 10))
    }

    /// `registry.person.create` in a committee of 3 494 records against the same in one of 20
    /// (the baseline), on one connection: a write should cost what it touches, not what the
    /// committee holds (issue 8: within 1.5×). Each round imports both committees afresh, so the
    /// small one grows only by the persons the round itself creates.
    static func personCreate(client: ServiceClient, requests: Int) throws {
        let small = try committee(code: "SMALL", parties: 2), large = try committee(code: "LARGE", parties: 388)
        func records(_ file: CommitteeFile) -> Int {
            let counts = file.counts
            return 1 + counts.parties + counts.persons + counts.appointments + counts.roles + counts.pairings
                + counts.staff + counts.yearlyKeys + counts.signingKeys
        }
        let warmUp = 10
        func round(_ file: CommitteeFile) throws -> RoundTripBench.Figures {
            _ = try client.call(RegistryMethods.importCommittee, ImportRequest(file: file, replaceExisting: true))
            let code = file.committee.code
            for index in 0..<warmUp {
                _ = try client.call(RegistryMethods.personCreate, PersonCreate(committee: code, name: "Uppvärmning \(index)"))
            }
            var latencies: [Double] = []
            let start = ContinuousClock.now
            for index in 0..<requests {
                let before = ContinuousClock.now
                _ = try client.call(RegistryMethods.personCreate, PersonCreate(committee: code, name: "Ny Ledamot \(index)"))
                latencies.append(microseconds(ContinuousClock.now - before))
            }
            let sorted = latencies.sorted()
            func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            return RoundTripBench.Figures(roundTripsPerSecond: Double(requests) / (microseconds(ContinuousClock.now - start) / 1e6),
                                          p50: percentile(0.5), p99: percentile(0.99))
        }
        let (baseline, candidate) = try RoundTripBench.bestOf(3, { try round(small) }, { try round(large) })
        print("\n## Registry person.create by committee size (1 connection, \(requests) creates per round after \(warmUp) to warm up, best of 3 alternating rounds)")
        print("| committee records | creates/s | p50 µs | p99 µs | p50 ratio |")
        print("|---|---|---|---|---|")
        for (file, figures) in [(small, baseline), (large, candidate)] {
            let grown = records(file) + warmUp + requests
            print("| \(records(file)) → \(grown) | \(Int(figures.roundTripsPerSecond)) | \(RoundTripBench.format(figures.p50)) | "
                  + "\(RoundTripBench.format(figures.p99)) | \(RoundTripBench.format(figures.p50 / baseline.p50))× |")
        }
    }

    private static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }
}
