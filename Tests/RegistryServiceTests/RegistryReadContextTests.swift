import Foundation
import KansliProtocol
import KansliStore
import RegistryAPI
import Testing

@testable import RegistryService

/// Reads through the committee state cache never see stale records: not after a write through the
/// registry, not after plain SQL, not after a rolled-back write, and not across snapshots.
@Suite("Registry reads through the committee state cache")
struct RegistryReadContextTests {
    @Test("A second read of an unchanged committee comes from the cache; after a write it is read afresh")
    func hitThenWriteThenMiss() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        let cache = CommitteeStateCache()

        let first = try db.readState(of: "NBE", through: cache)
        let second = try db.readState(of: "NBE", through: cache)
        #expect(try second.file == first.file && first.file == Fixtures.norrbotten())
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 1)

        try db.write { try $0.update(Person(id: "isak-utsi", name: "Isak Utsi", email: "isak@example.se"), committee: seq) }
        let third = try db.readState(of: "NBE", through: cache)
        #expect(third.person("isak-utsi")?.email == "isak@example.se")
        #expect(try third.file == db.file(of: "NBE"))
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 2)
        _ = try db.readState(of: "NBE", through: cache)
        #expect(cache.statistics.hits == 2)
    }

    @Test("A change made with plain SQL, bypassing the registry's code, is seen by the next read")
    func plainSQLChangeIsSeen() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        let cache = CommitteeStateCache()
        _ = try db.readState(of: "NBE", through: cache)
        try db.database.write { connection in
            try connection.execute("UPDATE registry_appointment SET political_party = 'V' WHERE committee_seq = ? AND id = ?",
                                   [seq, "isak-utsi-2019"])
        }
        #expect(try db.readState(of: "NBE", through: cache).appointment("isak-utsi-2019")?.politicalParty == "V")
    }

    @Test("A write that is rolled back is never seen, and the next committed write is")
    func rolledBackWriteThenCommittedWrite() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        let cache = CommitteeStateCache()
        _ = try db.readState(of: "NBE", through: cache)
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try db.write { store in
                try store.update(Person(id: "isak-utsi", name: "Rolled Back"), committee: seq)
                throw Abandon()
            }
        }
        #expect(try db.readState(of: "NBE", through: cache).name(ofPerson: "isak-utsi") == "Isak Utsi")
        // The committed write takes the revision number the rolled-back one had used.
        try db.write { try $0.update(Person(id: "isak-utsi", name: "Committed"), committee: seq) }
        #expect(try db.readState(of: "NBE", through: cache).name(ofPerson: "isak-utsi") == "Committed")
    }

    @Test("A reader keeps its snapshot's records while a write commits, and does not push the newer state out")
    func olderSnapshotStaysConsistent() throws {
        let db = try RegistryTestDatabase()
        let seq = try db.insert(Fixtures.norrbotten())
        let cache = CommitteeStateCache()
        let snapshotTaken = DispatchSemaphore(value: 0)
        let writeCommitted = DispatchSemaphore(value: 0)
        let older = Locked<Result<CommitteeState, any Error>?>(nil)
        let reader = Thread {
            let result = Result {
                try db.database.read { connection in
                    // The snapshot starts at the first read: the version, without the records yet.
                    let context = RegistryReadContext(connection: connection, cache: cache)
                    _ = try context.store.version(of: "NBE")
                    snapshotTaken.signal()
                    writeCommitted.wait()
                    return try context.state(of: "NBE")
                }
            }
            older.withLock { $0 = result }
            snapshotTaken.signal()
        }
        reader.start()
        // Never leave the reader waiting, whatever fails below.
        defer { writeCommitted.signal() }
        try #require(snapshotTaken.wait(timeout: .now() + 10) == .success)
        try db.write { try $0.update(Person(id: "isak-utsi", name: "Newer"), committee: seq) }
        #expect(try db.readState(of: "NBE", through: cache).name(ofPerson: "isak-utsi") == "Newer")
        writeCommitted.signal()
        try #require(snapshotTaken.wait(timeout: .now() + 10) == .success)

        let olderState = try #require(older.value).get()
        #expect(olderState.name(ofPerson: "isak-utsi") == "Isak Utsi")
        #expect(try db.readState(of: "NBE", through: cache).name(ofPerson: "isak-utsi") == "Newer")
        #expect(cache.statistics.hits == 1 && cache.statistics.misses == 2)
    }

    @Test("An unknown committee is not_found naming the field, and nothing is cached")
    func unknownCommittee() throws {
        let db = try RegistryTestDatabase()
        let cache = CommitteeStateCache()
        expectServiceError(.notFound, field: "committee") { _ = try db.readState(of: "NONE", through: cache) }
        #expect(cache.statistics.committees == 0)
    }

    @Test("Through the runtime, each kind of write is seen by the very next read, which matches a read without cache")
    func everyWriteIsSeenThroughTheHost() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let day = Fixtures.day("2022-06-22")
        func composition(on date: CalendarDate = day) throws -> Composition {
            try host.call(RegistryMethods.composition, CompositionRequest(committee: "NBE", on: date), role: .read)
        }
        /// The composition computed from an export, which reads the tables without the cache.
        func uncached(on date: CalendarDate = day) throws -> Composition {
            let file = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE"), role: .read)
            return try CompositionBuilder.composition(of: CommitteeState(file), on: date)
        }
        func substitutes() throws -> [String] {
            try host.call(RegistryMethods.substitutes, SubstitutesRequest(committee: "NBE", ledamot: "lena-goldkuhl", on: day),
                          role: .read).candidates.map(\.basis.rawValue)
        }
        // Fill the cache, twice over.
        #expect(try composition() == uncached())
        #expect(try composition().chair?.name == "Carina Sammeli")
        #expect(try substitutes() == ["personal"])

        var lena = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "lena-goldkuhl")).person
        lena.name = "Lena Goldkuhl-Renamed"
        lena = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: lena))
        #expect(try composition().ledamoter.contains { $0.name == "Lena Goldkuhl-Renamed" })
        #expect(try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "lena-goldkuhl")).person == lena)
        #expect(try composition() == uncached())

        var boden = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "boden"))
        boden.name = "Boden (renamed)"
        boden = try host.call(RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: boden))
        #expect(try composition().parties.contains { $0.name == "Boden (renamed)" })
        #expect(try host.call(RegistryMethods.partyList, ListRequest(committee: "NBE")).contains(boden))

        _ = try host.call(RegistryMethods.pairingEnd, EndRequest(committee: "NBE", id: "johan-johansson-for-lena-goldkuhl",
                                                                 lastDay: Fixtures.day("2022-06-01")))
        #expect(try substitutes() == ["same-party"])

        _ = try host.call(RegistryMethods.roleEnd, EndRequest(committee: "NBE", id: "chair-carina-sammeli-2019",
                                                              lastDay: Fixtures.day("2022-06-01")))
        #expect(try composition().chair == nil)
        _ = try host.call(RegistryMethods.appointmentEnd, EndRequest(committee: "NBE", id: "lena-goldkuhl-2019",
                                                                     lastDay: Fixtures.day("2022-06-01")))
        #expect(try composition().vacancies.contains(Vacancy(party: "boden", kind: .ledamot, seat: 1)))
        #expect(try composition() == uncached())

        // Replaced by an import: everything changes at once.
        _ = try host.call(RegistryMethods.importCommittee, ImportRequest(file: Fixtures.norrbotten(), replaceExisting: true))
        #expect(try composition() == uncached())
        #expect(try composition().chair?.name == "Carina Sammeli")
        #expect(try substitutes() == ["personal"])
    }

    @Test("Readers on several threads while a name changes 20 times see only whole versions, and the last one at the end")
    func concurrentReadersDuringWrites() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let names = (0...20).map { "Isak Utsi \($0)" }
        var isak = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi")).person
        isak.name = names[0]
        isak = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: isak))

        let writing = Locked(true)
        let seen = Locked<[String]>([])
        let failures = Locked<[String]>([])
        let done = DispatchGroup()
        let request = CompositionRequest(committee: "NBE", on: Fixtures.day("2022-06-22"))
        for _ in 0..<4 {
            done.enter()
            let service = host.host
            Thread {
                defer { done.leave() }
                // Bounded: at most 10 000 reads per thread, whatever the writer does.
                for _ in 0..<10_000 where writing.value {
                    do {
                        let composition = try service.call(RegistryMethods.composition, request, role: .read)
                        let person = try service.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi"),
                                                      role: .read)
                        let inComposition = composition.ledamoter.first { $0.person == "isak-utsi" }?.name ?? "missing"
                        seen.withLock { $0 += [inComposition, person.person.name] }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }.start()
        }
        for name in names.dropFirst() {
            isak.name = name
            isak = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: isak))
        }
        writing.withLock { $0 = false }
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(failures.value.isEmpty)
        #expect(Set(seen.value).isSubset(of: names))
        #expect(try host.call(RegistryMethods.composition, request, role: .read).ledamoter
            .first { $0.person == "isak-utsi" }?.name == names.last)
    }
}
