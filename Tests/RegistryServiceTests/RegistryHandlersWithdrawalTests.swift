import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// `registry.withdraw`: a record entered by mistake leaves every composition, list and rule, and
/// stays in the history (get, export, audit trail) with the day and the reason.
@Suite("Withdrawing a record entered by mistake")
struct RegistryHandlersWithdrawalTests {
    private func composition(_ host: RegistryTestHost) throws -> Composition {
        try host.call(RegistryMethods.composition, CompositionRequest(committee: "NBE", on: Fixtures.day("2022-06-22")),
                      role: .read)
    }

    @Test("Lena Goldkuhl's appointment entered by mistake: the pairing first, then the appointment, out of the composition")
    func withdrawAnAppointment() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let reason = "inmatad för fel kommun"
        let first = expectServiceError(.validation, field: "id") {
            _ = try host.call(RegistryMethods.withdraw, WithdrawRequest(
                committee: "NBE", kind: .appointment, id: "lena-goldkuhl-2019", reason: reason))
        }
        #expect(first?.message.contains("kansli registry pairing withdraw NBE johan-johansson-for-lena-goldkuhl") == true)
        _ = try host.call(RegistryMethods.withdraw, WithdrawRequest(
            committee: "NBE", kind: .pairing, id: "johan-johansson-for-lena-goldkuhl", reason: reason))
        let withdrawn = try host.call(RegistryMethods.withdraw, WithdrawRequest(
            committee: "NBE", kind: .appointment, id: "lena-goldkuhl-2019", reason: reason, revision: 1))
        #expect(withdrawn.revision == 2 && withdrawn.withdrawal.reason == reason)

        // Out of the composition, the lists and the rules …
        let boden = try composition(host).parties.first { $0.party == "boden" }
        #expect(boden?.ledamoter.isEmpty == true)
        #expect(try composition(host).vacancies.contains(Vacancy(party: "boden", kind: .ledamot, seat: 1)))
        #expect(try host.call(RegistryMethods.appointmentList, ListRequest(committee: "NBE")).allSatisfy {
            $0.id != "lena-goldkuhl-2019"
        })
        let again = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
            committee: "NBE", person: "lena-goldkuhl", party: "boden", kind: .ledamot, politicalParty: "S",
            mandatePeriod: Fixtures.term))
        #expect(again.id == "lena-goldkuhl-2019-2" && again.seat == 1)
        // … and kept in the history.
        let kept = try host.call(RegistryMethods.appointmentGet, RecordRef(committee: "NBE", id: "lena-goldkuhl-2019"))
        #expect(kept.withdrawn == withdrawn.withdrawal)
        let export = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE"))
        #expect(export.appointments.first { $0.id == "lena-goldkuhl-2019" }?.withdrawn == withdrawn.withdrawal)
        let audit = try host.call(CommonMethods.audit, AuditQuery(limit: 10))
        #expect(audit.contains { $0.action == "withdraw" && $0.entityID == "NBE/lena-goldkuhl-2019"
            && $0.summary.contains(reason) })

        // An export with withdrawn records imports and exports again unchanged.
        let other = try RegistryTestHost("registry-other")
        try other.importShipped(export)
        #expect(try other.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE")) == export)
    }

    @Test("A chair role entered by mistake, withdrawn: no chair that day; a reason is required; twice is a conflict")
    func withdrawARole() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        expectServiceError(.validation, field: "reason") {
            _ = try host.call(RegistryMethods.withdraw, WithdrawRequest(
                committee: "NBE", kind: .role, id: "chair-carina-sammeli-2019", reason: " "))
        }
        let request = WithdrawRequest(committee: "NBE", kind: .role, id: "chair-carina-sammeli-2019",
                                      reason: "fel person registrerad")
        _ = try host.call(RegistryMethods.withdraw, request)
        #expect(try composition(host).chair == nil)
        expectServiceError(.conflict, field: "id") { _ = try host.call(RegistryMethods.withdraw, request) }
    }
}
