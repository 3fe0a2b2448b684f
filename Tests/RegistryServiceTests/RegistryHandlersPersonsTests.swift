import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// A person who has left: `registry.person.end` records their last day (their seats must have
/// ended by then) and `registry.person.erase` removes their contact details, the name staying in
/// the public record and the audit trail keeping that it was done, by whom and when.
@Suite("Persons who leave, and the erasure of their contact details")
struct RegistryHandlersPersonsTests {
    @Test("Isak Utsi leaves after 2022-12-31: refused while his appointment runs on, then ended, then erased")
    func endAndErase() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        var isak = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi")).person
        isak.email = "isak.utsi@arjeplog.se"
        isak.phone = "0961-140 00"
        isak.note = "nås helst på mejl"
        isak = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: isak))

        let early = expectServiceError(.validation, field: "id") {
            _ = try host.call(RegistryMethods.personErase, PersonErase(committee: "NBE", id: "isak-utsi"))
        }
        #expect(early?.message.contains("end the person first (kansli registry person end NBE isak-utsi") == true)
        let running = expectServiceError(.validation, field: "appointments[isak-utsi-2019].to") {
            _ = try host.call(RegistryMethods.personEnd,
                              EndRequest(committee: "NBE", id: "isak-utsi", lastDay: Fixtures.day("2021-06-30")))
        }
        #expect(running?.message.contains("end it first (kansli registry appointment end NBE isak-utsi-2019 "
            + "--last-day 2021-06-30)") == true, "\(String(describing: running))")

        let ended = try host.call(RegistryMethods.personEnd,
                                  EndRequest(committee: "NBE", id: "isak-utsi", lastDay: Fixtures.day("2022-12-31")))
        #expect(ended.leftOn == Fixtures.day("2022-12-31"))
        let erased = try host.call(RegistryMethods.personErase, PersonErase(committee: "NBE", id: "isak-utsi"))
        #expect(erased.name == "Isak Utsi" && erased.email == nil && erased.phone == nil && erased.note == nil)
        #expect(erased.erasedOn != nil && erased.revision == 4)

        // The public record keeps his name; nothing stored keeps the details.
        let composition = try host.call(RegistryMethods.composition,
                                        CompositionRequest(committee: "NBE", on: Fixtures.day("2022-06-22")), role: .read)
        #expect(composition.ledamoter.contains { $0.name == "Isak Utsi" })
        let export = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE"))
        #expect(export.persons.first { $0.id == "isak-utsi" } == erased)
        let audit = try host.call(CommonMethods.audit, AuditQuery(limit: 100))
        #expect(audit.allSatisfy { !$0.summary.contains("arjeplog.se") && !$0.summary.contains("140 00")
            && !$0.summary.contains("mejl") })
        let entry = try #require(audit.first { $0.action == "erase" })
        #expect(entry.entityID == "NBE/isak-utsi" && entry.keyID == "test-key" && entry.summary.contains("Isak Utsi"))
    }

    @Test("The erasure reaches the responses kept for replaying retries: a retried update of the details is not answered with them")
    func erasureReachesStoredResponses() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        var isak = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi")).person
        isak.email = "isak.utsi@arjeplog.se"
        isak.phone = "0961-140 00"
        let key = [UInt8](repeating: 0x61, count: 16)
        let update = PersonUpdate(committee: "NBE", person: isak)
        _ = try host.call(RegistryMethods.personUpdate, update, idempotencyKey: key)
        // Before the erasure, a retry is answered from the store, details and all.
        #expect(try host.call(RegistryMethods.personUpdate, update, idempotencyKey: key).email == "isak.utsi@arjeplog.se")
        _ = try host.call(RegistryMethods.appointmentEnd,
                          EndRequest(committee: "NBE", id: "isak-utsi-2019", lastDay: Fixtures.day("2022-12-31")))
        _ = try host.call(RegistryMethods.personEnd,
                          EndRequest(committee: "NBE", id: "isak-utsi", lastDay: Fixtures.day("2022-12-31")))
        _ = try host.call(RegistryMethods.personErase, PersonErase(committee: "NBE", id: "isak-utsi"))
        // After it, the same retry is no longer a replay: it is refused as stale, and says nothing.
        do {
            let answer = try host.call(RegistryMethods.personUpdate, update, idempotencyKey: key)
            Issue.record("a retry after the erasure was answered: \(answer)")
        } catch let error as ServiceError {
            #expect(error.code == .conflict)
            #expect(!error.message.contains("arjeplog.se") && !error.message.contains("140 00"))
        }
    }

    @Test("A person who has left cannot be appointed again past their last day")
    func noSeatAfterLeaving() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        _ = try host.call(RegistryMethods.personEnd,
                          EndRequest(committee: "NBE", id: "isak-utsi", lastDay: Fixtures.day("2022-12-31")))
        expectServiceError(.validation, field: "to") {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: "NBE", person: "isak-utsi", party: "arjeplog", kind: .ledamot, politicalParty: "S",
                mandatePeriod: MandatePeriod("2023-2026")!))
        }
    }
}
