import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// Optimistic concurrency: every updatable record carries a revision, an update or end names the
/// revision it read, and a write that came first makes it a `conflict` that says who stored the
/// record and when (`RegistryHandlers.nextRevision`).
@Suite("Record revisions and conflicting updates")
struct RegistryHandlersRevisionsTests {
    /// Calls `method` as the client key `keyID` with the write role, as a second secretary would.
    private func call<Request, Response>(_ host: RegistryTestHost, _ method: Method<Request, Response>,
                                         _ request: Request, as keyID: String) throws -> Response {
        try host.host.call(method, request, keyID: keyID, role: .write, idempotencyKey: nil)
    }

    @Test("Imported and created records start at revision 1; each update or end adds one")
    func revisionsCount() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        var lulea = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "lulea"))
        #expect(lulea.revision == 1)
        lulea.invoicing.buyerReference = "E-nämnden 1234"
        let updated = try host.call(RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: lulea))
        #expect(updated.revision == 2)
        #expect(try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "lulea")) == updated)

        let created = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "NBE", name: "Anna Berg"))
        #expect(created.revision == 1)
        let ended = try host.call(RegistryMethods.pairingEnd,
                                  EndRequest(committee: "NBE", id: "erik-grahs-for-isak-utsi",
                                             lastDay: Fixtures.day("2021-06-30"), revision: 1))
        #expect(ended.revision == 2)
    }

    @Test("Two secretaries update the same party: the second, on a stale revision, gets a conflict naming the first")
    func staleUpdateIsAConflict() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let read = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "boden"))
        var first = read, second = read
        first.invoicing.buyerReference = "Kommunledningskontoret"
        second.note = "fakturor via Peppol"
        _ = try call(host, RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: first), as: "sekreterare-a")
        let error = expectServiceError(.conflict, field: "party.revision") {
            _ = try call(host, RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: second),
                         as: "sekreterare-b")
        }
        let message = error?.message ?? ""
        #expect(message.contains("revision 1 was read"), "\(message)")
        #expect(message.contains("revision 2 was stored by key \"sekreterare-a\" at 20"), "\(message)")
        // The audit trail's entry of the first update carries the same time the conflict names.
        let audit = try host.call(CommonMethods.audit, AuditQuery(limit: 10, entity: "party"))
        let entry = try #require(audit.first { $0.entityID == "NBE/boden" })
        #expect(message.contains("at \(entry.at)"), "\(message) / \(entry.at)")
        // The first write stands; the second changed nothing.
        let stored = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "boden"))
        #expect(stored.invoicing.buyerReference == "Kommunledningskontoret" && stored.note == read.note)
        // Read again, the second secretary's change goes through on revision 2.
        var again = stored
        again.note = "fakturor via Peppol"
        #expect(try call(host, RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: again),
                         as: "sekreterare-b").revision == 3)
    }

    @Test("Every kind of update and end refuses a stale revision at its own field",
          arguments: ["person", "appointment", "role", "staff", "pairing", "end"])
    func everyKindRefusesStaleRevisions(_ kind: String) throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let nbe = "NBE"
        switch kind {
        case "person":
            var isak = try host.call(RegistryMethods.personGet, RecordRef(committee: nbe, id: "isak-utsi")).person
            isak.phone = "070-123 45 67"
            _ = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: nbe, person: isak))
            expectServiceError(.conflict, field: "person.revision") {
                _ = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: nbe, person: isak))
            }
        case "appointment":
            var appointment = try host.call(RegistryMethods.appointmentGet,
                                            RecordRef(committee: nbe, id: "lars-forsgren-2019"))
            appointment.note = "KF 2018-12-10 § 211"
            _ = try host.call(RegistryMethods.appointmentUpdate, AppointmentUpdate(committee: nbe, appointment: appointment))
            expectServiceError(.conflict, field: "appointment.revision") {
                _ = try host.call(RegistryMethods.appointmentUpdate,
                                  AppointmentUpdate(committee: nbe, appointment: appointment))
            }
        case "role":
            var chair = try host.call(RegistryMethods.roleGet, RecordRef(committee: nbe, id: "chair-carina-sammeli-2019"))
            chair.to = Fixtures.day("2022-10-14")
            _ = try host.call(RegistryMethods.roleUpdate, RoleUpdate(committee: nbe, assignment: chair))
            expectServiceError(.conflict, field: "assignment.revision") {
                _ = try host.call(RegistryMethods.roleUpdate, RoleUpdate(committee: nbe, assignment: chair))
            }
        case "staff":
            var secretary = try host.call(RegistryMethods.staffGet, RecordRef(committee: nbe, id: "secretary-robert-karlsson"))
            secretary.organisation = "Luleå kommun"
            _ = try host.call(RegistryMethods.staffUpdate, StaffUpdate(committee: nbe, assignment: secretary))
            expectServiceError(.conflict, field: "assignment.revision") {
                _ = try host.call(RegistryMethods.staffUpdate, StaffUpdate(committee: nbe, assignment: secretary))
            }
        case "pairing":
            var pairing = try host.call(RegistryMethods.pairingGet, RecordRef(committee: nbe, id: "erik-grahs-for-isak-utsi"))
            pairing.to = Fixtures.day("2022-06-30")
            _ = try host.call(RegistryMethods.pairingUpdate, PairingUpdate(committee: nbe, pairing: pairing))
            expectServiceError(.conflict, field: "pairing.revision") {
                _ = try host.call(RegistryMethods.pairingUpdate, PairingUpdate(committee: nbe, pairing: pairing))
            }
        default:
            let lastDay = Fixtures.day("2022-06-30")
            _ = try host.call(RegistryMethods.pairingEnd,
                              EndRequest(committee: nbe, id: "erik-grahs-for-isak-utsi", lastDay: lastDay, revision: 1))
            expectServiceError(.conflict, field: "revision") {
                _ = try host.call(RegistryMethods.pairingEnd,
                                  EndRequest(committee: nbe, id: "erik-grahs-for-isak-utsi",
                                             lastDay: Fixtures.day("2022-03-31"), revision: 1))
            }
        }
    }

    @Test("A client that sends no revision (older than revisions) still updates, and the revision still counts")
    func updateWithoutRevision() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        var isak = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi")).person
        isak.revision = nil
        isak.email = "isak.utsi@arjeplog.se"
        #expect(try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: isak)).revision == 2)
        #expect(try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: isak)).revision == 3)
    }

    @Test("An export carries the revisions and an import keeps them; a revision below 1 is refused")
    func revisionsInFiles() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        var isak = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi")).person
        isak.phone = "0961-140 00"
        _ = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: isak))
        let exported = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE"))
        #expect(exported.persons.first { $0.id == "isak-utsi" }?.revision == 2)
        #expect(exported.parties.allSatisfy { $0.revision == 1 })

        let other = try RegistryTestHost("registry-other")
        try other.importShipped(exported)
        #expect(try other.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE")) == exported)

        var bad = exported
        bad.persons[1].revision = 0
        expectServiceError(.validation, field: "file.persons[1].revision") {
            _ = try other.call(RegistryMethods.importCheck, ImportRequest(file: bad), role: .read)
        }
    }
}
