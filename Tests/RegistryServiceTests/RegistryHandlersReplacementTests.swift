import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// `registry.appointment.replace`: a ledamot leaves mid-term, a successor takes the seat for the
/// rest of it and the personal ersättare follows, in one step; a step that cannot be taken says
/// what to do first.
@Suite("Mid-term replacement in one step")
struct RegistryHandlersReplacementTests {
    private func composition(_ host: RegistryTestHost, on day: String) throws -> Composition {
        try host.call(RegistryMethods.composition, CompositionRequest(committee: "NBE", on: Fixtures.day(day)), role: .read)
    }

    @Test("Lars Forsgren leaves Arvidsjaur's seat after 2021-06-30; Anna Berg takes it and Marcus Lundberg follows her")
    func replacementWithANewPerson() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let result = try host.call(RegistryMethods.appointmentReplace, AppointmentReplace(
            committee: "NBE", appointment: "lars-forsgren-2019", lastDay: Fixtures.day("2021-06-30"),
            successorName: "Anna Berg", note: "KF Arvidsjaur 2021-06-14 § 80"))
        #expect(result.ended.to == Fixtures.day("2021-06-30") && result.ended.revision == 2)
        #expect(result.createdPerson == Person(id: "anna-berg", name: "Anna Berg", revision: 1))
        #expect(result.appointment == Appointment(
            id: "anna-berg-2019", person: "anna-berg", party: "arvidsjaur", kind: .ledamot, seat: 1, politicalParty: "S",
            mandatePeriod: Fixtures.term, from: Fixtures.day("2021-07-01"), to: Fixtures.day("2022-12-31"),
            note: "KF Arvidsjaur 2021-06-14 § 80", revision: 1))
        #expect(result.endedPairings.map(\.id) == ["marcus-lundberg-for-lars-forsgren"])
        #expect(result.endedPairings.first?.to == Fixtures.day("2021-06-30"))
        #expect(result.pairings == [SubstitutePairing(
            id: "marcus-lundberg-for-anna-berg", substitute: "marcus-lundberg-2019", ledamot: "anna-berg-2019",
            from: Fixtures.day("2021-07-01"), to: Fixtures.day("2022-12-31"), revision: 1)])
        #expect(result.endedRoles.isEmpty)

        let before = try composition(host, on: "2021-06-30").parties.first { $0.party == "arvidsjaur" }
        let after = try composition(host, on: "2021-07-01").parties.first { $0.party == "arvidsjaur" }
        #expect(before?.ledamoter.map(\.name) == ["Lars Forsgren"])
        #expect(after?.ledamoter.map(\.name) == ["Anna Berg"])
        let substitutes = try host.call(RegistryMethods.substitutes, SubstitutesRequest(
            committee: "NBE", ledamot: "anna-berg", on: Fixtures.day("2021-09-01")), role: .read)
        #expect(substitutes.candidates.first?.member.name == "Marcus Lundberg")
        #expect(substitutes.candidates.first?.basis == .personal)
        // What the reads see through the cache is what the tables hold.
        let export = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE"))
        #expect(try host.call(RegistryMethods.pairingList, ListRequest(committee: "NBE"), role: .read) == export.pairings)
        #expect(try host.call(RegistryMethods.appointmentList, ListRequest(committee: "NBE"), role: .read)
            == export.appointments)
    }

    @Test("Isak Utsi, vice chair, leaving: refused with the role to end first, and nothing stored; --end-roles ends it")
    func aRoleNeedsTheSeat() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        var request = AppointmentReplace(committee: "NBE", appointment: "isak-utsi-2019",
                                         lastDay: Fixtures.day("2021-06-30"), successorName: "Anna Berg")
        let error = expectServiceError(.validation, field: "endRoles") {
            _ = try host.call(RegistryMethods.appointmentReplace, request)
        }
        #expect(error?.message.contains("end the role first (kansli registry role end NBE vice-chair-isak-utsi-2019 "
            + "--last-day 2021-06-30)") == true, "\(String(describing: error))")
        #expect(error?.message.contains("--end-roles") == true)
        let isak = try host.call(RegistryMethods.appointmentGet, RecordRef(committee: "NBE", id: "isak-utsi-2019"))
        #expect(isak.to == Fixtures.day("2022-12-31") && isak.revision == 1)
        #expect(try host.call(RegistryMethods.personList, ListRequest(committee: "NBE")).allSatisfy { $0.id != "anna-berg" })

        request.endRoles = true
        let result = try host.call(RegistryMethods.appointmentReplace, request)
        #expect(result.endedRoles.map(\.id) == ["vice-chair-isak-utsi-2019"])
        #expect(try composition(host, on: "2021-07-01").viceChair == nil)
        #expect(result.pairings.map(\.id) == ["erik-grahs-for-anna-berg"])
    }

    @Test("A successor who is not in the registry, a stale revision, a last day at the end: each says what to do")
    func refusals() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let lastDay = Fixtures.day("2021-06-30")
        let missing = expectServiceError(.notFound, field: "successor") {
            _ = try host.call(RegistryMethods.appointmentReplace, AppointmentReplace(
                committee: "NBE", appointment: "lars-forsgren-2019", lastDay: lastDay, successor: "anna-berg"))
        }
        #expect(missing?.message.contains("create them first") == true && missing?.message.contains("--successor-name") == true)
        expectServiceError(.validation, field: "successor") {
            _ = try host.call(RegistryMethods.appointmentReplace, AppointmentReplace(
                committee: "NBE", appointment: "lars-forsgren-2019", lastDay: lastDay))
        }
        expectServiceError(.conflict, field: "revision") {
            _ = try host.call(RegistryMethods.appointmentReplace, AppointmentReplace(
                committee: "NBE", appointment: "lars-forsgren-2019", lastDay: lastDay, successorName: "Anna Berg",
                revision: 3))
        }
        let atTheEnd = expectServiceError(.validation, field: "lastDay") {
            _ = try host.call(RegistryMethods.appointmentReplace, AppointmentReplace(
                committee: "NBE", appointment: "lars-forsgren-2019", lastDay: Fixtures.day("2022-12-31"),
                successorName: "Anna Berg"))
        }
        #expect(atTheEnd?.message.contains("appointment create") == true)
        // Johan Johansson already holds Boden's ersättare seat; he cannot also take Lars Forsgren's.
        expectServiceError(.conflict, field: "person") {
            _ = try host.call(RegistryMethods.appointmentReplace, AppointmentReplace(
                committee: "NBE", appointment: "lars-forsgren-2019", lastDay: lastDay, successor: "johan-johansson"))
        }
    }
}
