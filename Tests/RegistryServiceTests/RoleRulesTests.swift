import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("RoleRules")
struct RoleRulesTests {
    private let path = FieldPath.root

    /// Norrbotten without its presidium, so roles can be assigned afresh.
    private func stateWithoutRoles() throws -> CommitteeState {
        var file = try Fixtures.norrbotten()
        file.roles = []
        return CommitteeState(file)
    }

    private func role(_ person: String, _ role: CommitteeRole, from: String = "2019-01-01", to: String = "2022-12-31",
                      id: String = "new-role") -> RoleAssignment {
        RoleAssignment(id: id, person: person, role: role, from: Fixtures.day(from), to: Fixtures.day(to))
    }

    @Test("Carina Sammeli, ledamot for Luleå, may be chair for the whole term")
    func ledamotMayChair() throws {
        try RoleRules.validate(role("carina-sammeli", .chair), in: try stateWithoutRoles(), at: path)
    }

    @Test("Anders Josefsson is ersättare for Luleå, so he may not be chair: validation on person")
    func ersattareMayNotChair() throws {
        let error = expectServiceError(.validation, field: "person") {
            try RoleRules.validate(role("anders-josefsson", .chair), in: try stateWithoutRoles(), at: path)
        }
        #expect(error?.message.contains("ersattare for Luleå kommun") == true)
        #expect(error?.message.contains("only a ledamot") == true)
    }

    @Test("Staff are not ledamöter: Robert Karlsson may not be vice chair")
    func staffMayNotChair() throws {
        expectServiceError(.validation, field: "person") {
            try RoleRules.validate(role("robert-karlsson", .viceChair, from: "2022-06-22"), in: try stateWithoutRoles(),
                                   at: path)
        }
    }

    @Test("A role running past the ledamot appointment is refused on to")
    func roleOutlivesAppointment() throws {
        let file = try Fixtures.norrbotten().replacingAppointment("isak-utsi-2019") { $0.to = Fixtures.day("2022-06-30") }
        var adjusted = file
        adjusted.roles = []
        adjusted.pairings.removeAll { $0.ledamot == "isak-utsi-2019" }
        let error = expectServiceError(.validation, field: "to") {
            try RoleRules.validate(role("isak-utsi", .viceChair), in: CommitteeState(adjusted), at: path)
        }
        #expect(error?.message.contains("only until 2022-06-30") == true)
    }

    @Test("A role spanning two back-to-back ledamot appointments is allowed")
    func roleAcrossConsecutiveAppointments() throws {
        var file = try Fixtures.norrbotten()
        file.roles = []
        file.appointments.append(Appointment(
            id: "carina-sammeli-2023", person: "carina-sammeli", party: "lulea", kind: .ledamot,
            politicalParty: "S", mandatePeriod: MandatePeriod("2023-2026")!, from: Fixtures.day("2023-01-01"),
            to: Fixtures.day("2026-12-31")))
        try RoleRules.validate(role("carina-sammeli", .chair, from: "2022-01-01", to: "2023-06-30"),
                               in: CommitteeState(file), at: path)
    }

    @Test("Two chairs at once are a conflict; the same person as chair and vice chair at once too")
    func oneChairAtATime() throws {
        let state = try Fixtures.norrbottenState()
        expectServiceError(.conflict, field: "from") {
            try RoleRules.validate(role("lena-goldkuhl", .chair, from: "2022-01-01", to: "2022-02-01"), in: state, at: path)
        }
        expectServiceError(.conflict, field: "role") {
            try RoleRules.validate(role("carina-sammeli", .viceChair, from: "2022-01-01", to: "2022-02-01"), in: state,
                                   at: path)
        }
    }

    @Test("Unknown person is not_found; a role ending before it starts is refused")
    func unknownPersonAndOrder() throws {
        let state = try stateWithoutRoles()
        expectServiceError(.notFound, field: "person") { try RoleRules.validate(role("nobody", .chair), in: state, at: path) }
        expectServiceError(.validation, field: "to") {
            try RoleRules.validate(role("carina-sammeli", .chair, from: "2020-01-01", to: "2019-12-31"), in: state,
                                   at: path)
        }
    }
}
