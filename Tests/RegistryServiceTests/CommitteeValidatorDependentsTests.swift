import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// A write checks the records that depend on the one it changes instead of the whole committee
/// (`CommitteeValidator+Dependents`); it must refuse exactly what the whole-committee check
/// refuses, with the same first error.
@Suite("Committee validator: the records a change touches")
struct CommitteeValidatorDependentsTests {
    /// The first error of the whole-committee check of `file`, by id, or nil.
    private func wholeError(_ file: CommitteeFile) -> ServiceError? {
        do {
            try CommitteeValidator.validate(CommitteeState(file), locator: .id)
            return nil
        } catch {
            return error
        }
    }

    /// The first error of `body`, or nil.
    private func error(_ body: () throws -> Void) -> ServiceError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ServiceError ?? ServiceError(.internal, "not a ServiceError: \(error)")
        }
    }

    @Test("Isak Utsi's appointment ended mid-term: his vice chair role is refused first, as the whole check finds it")
    func appointmentEndReachesRoles() throws {
        let file = try Fixtures.norrbotten().replacingAppointment("isak-utsi-2019") { $0.to = Fixtures.day("2021-06-30") }
        let state = CommitteeState(file)
        let targeted = error { try CommitteeValidator.validateDependents(ofAppointment: "isak-utsi-2019", in: state) }
        #expect(targeted?.field == "roles[vice-chair-isak-utsi-2019].to")
        #expect(targeted == wholeError(file))
    }

    @Test("Lars Forsgren leaving mid-term: his personal ersättare's pairing, running on, is refused")
    func appointmentChangeReachesPairings() throws {
        let file = try Fixtures.norrbotten().replacingAppointment("lars-forsgren-2019") { $0.to = Fixtures.day("2021-06-30") }
        let state = CommitteeState(file)
        let targeted = error { try CommitteeValidator.validateDependents(ofAppointment: "lars-forsgren-2019", in: state) }
        #expect(targeted?.field?.hasPrefix("pairings[marcus-lundberg-for-lars-forsgren]") == true, "\(String(describing: targeted))")
        #expect(targeted == wholeError(file))
    }

    @Test("Boden leaving at the end of 2021: Lena Goldkuhl's appointment is refused, as the whole check finds it")
    func partyChangeReachesAppointments() throws {
        let file = try Fixtures.norrbotten().replacingParty("boden") { $0.leftOn = Fixtures.day("2021-12-31") }
        let targeted = error { try CommitteeValidator.validateDependents(ofParty: "boden", in: CommitteeState(file)) }
        #expect(targeted?.field == "appointments[lena-goldkuhl-2019].to")
        #expect(targeted == wholeError(file))
    }

    @Test("An appointment moved to another person checks the roles of the person it left too")
    func movedAppointmentChecksThePreviousPerson() throws {
        // Carina Sammeli's ledamot seat for Luleå given to Anders Josefsson: her chair role loses its seat.
        let file = try Fixtures.norrbotten().replacingAppointment("carina-sammeli-2019") { $0.person = "anders-josefsson" }
        let state = CommitteeState(file)
        #expect(error { try CommitteeValidator.validateDependents(ofAppointment: "carina-sammeli-2019", in: state) } == nil)
        let targeted = error {
            try CommitteeValidator.validateDependents(ofAppointment: "carina-sammeli-2019", in: state,
                                                      previousPerson: "carina-sammeli")
        }
        #expect(targeted?.field?.hasPrefix("roles[chair-carina-sammeli-2019]") == true, "\(String(describing: targeted))")
    }

    @Test("A create past the most records of a kind is refused naming the list")
    func countLimit() {
        #expect(error { try CommitteeValidator.checkCount(CommitteeValidator.maxRecordsPerKind, of: "persons") } == nil)
        #expect(error { try CommitteeValidator.checkCount(CommitteeValidator.maxRecordsPerKind + 1, of: "persons") }?.field
            == "persons")
    }
}
