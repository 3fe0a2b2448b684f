import Foundation
import RegistryAPI
import Testing
@testable import KansliCLI

/// Lookups behave alike in every registry command: persons by id or name, parties by code, name
/// or organisationsnummer; and the CLI reaches the registry's newer fields (local political
/// parties, mandate-period rule, acting and external staff).
@Suite("kansli registry: lookups by name, local parties, staff capacity")
struct RegistryLookupTests {
    @Test("person get, update and end take a name as well as an id", arguments: ["isak-utsi", "Isak Utsi", "isak utsi"])
    func personByName(_ name: String) throws {
        let registry = try RegistryTestServer.seeded()
        let details = try registry.json(PersonDetails.self, ["person", "get", "NBE", name])
        #expect(details.person.id == "isak-utsi")
    }

    @Test("party get takes its code, its name, its place or its organisationsnummer",
          arguments: ["boden", "Bodens kommun", "Boden", "bodens kommun", "212000-2767", "2120002767"])
    func partyByNameOrNumber(_ text: String) throws {
        let registry = try RegistryTestServer.seeded()
        #expect(try registry.json(Party.self, ["party", "get", "NBE", text]).code == "boden")
    }

    @Test("--party and --person filters take names: appointments of Bodens kommun, roles of Isak Utsi")
    func filtersByName() throws {
        let registry = try RegistryTestServer.seeded()
        let appointments = try registry.json([Appointment].self, ["appointment", "list", "NBE", "--party", "Bodens kommun"])
        #expect(appointments.map(\.person) == ["lena-goldkuhl", "johan-johansson"])
        let roles = try registry.json([RoleAssignment].self, ["role", "list", "NBE", "--person", "Isak Utsi"])
        #expect(roles.map(\.role) == [.viceChair])
    }

    @Test("an unknown name is not_found naming the option; a name two persons share asks for the id")
    func unknownAndAmbiguous() throws {
        let registry = try RegistryTestServer.seeded()
        let unknown = registry.run(["registry", "party", "get", "NBE", "Umeå kommun"])
        #expect(unknown.status == 1 && unknown.err.contains("no party with the code, name or organisationsnummer"))
        #expect(registry.run(["registry", "person", "create", "NBE", "--name", "Isak Utsi", "--same-name"]).status == 0)
        let ambiguous = registry.run(["registry", "role", "list", "NBE", "--person", "Isak Utsi"])
        #expect(ambiguous.status == 64 && ambiguous.err.contains("isak-utsi, isak-utsi-2"))
    }

    @Test("committee update --local-party lets an appointment name the local party; --local-party= clears the list")
    func localParties() throws {
        let registry = try RegistryTestServer.seeded()
        let refused = registry.run(["registry", "appointment", "update", "NBE", "isak-utsi-2019",
                                    "--political-party", "Kommunens väl"])
        #expect(refused.status == 1 && refused.err.contains("--local-party"))
        #expect(registry.run(["registry", "committee", "update", "NBE", "--local-party", "Kommunens väl"]).status == 0)
        let accepted = registry.run(["registry", "appointment", "update", "NBE", "isak-utsi-2019",
                                     "--political-party", "kommunens väl"])
        #expect(accepted.status == 0, "\(accepted.err)")
        #expect(try registry.json(Appointment.self, ["appointment", "get", "NBE", "isak-utsi-2019"]).politicalParty
                    == "Kommunens väl")
        #expect(registry.registry("committee get NBE").out.contains("Kommunens väl"))
        #expect(registry.run(["registry", "appointment", "update", "NBE", "isak-utsi-2019",
                              "--political-party", "(S)"]).status == 0)
        #expect(registry.run(["registry", "committee", "update", "NBE", "--local-party="]).status == 0)
        let committee = try registry.json(CommitteeOverview.self, ["committee", "get", "NBE"]).committee
        #expect(committee.localPoliticalParties == nil)
    }

    @Test("committee update --mandate-periods any admits a period off the election terms")
    func mandatePeriods() throws {
        let registry = try RegistryTestServer.seeded()
        #expect(registry.run(["registry", "person", "create", "NBE", "--name", "Ny Person", "--id", "ny"]).status == 0)
        let party = ["--party", "Boden", "--kind", "ledamot", "--seat", "1", "--political-party", "S",
                     "--mandate-period", "2023-2025", "--from", "2023-01-01", "--to", "2025-12-31"]
        let refused = registry.run(["registry", "appointment", "create", "NBE", "--person", "Ny Person"] + party)
        #expect(refused.status == 1 && refused.err.contains("the term of 2023 is 2023-2026"))
        #expect(registry.run(["registry", "committee", "update", "NBE", "--mandate-periods", "any"]).status == 0)
        let accepted = registry.run(["registry", "appointment", "create", "NBE", "--person", "Ny Person"] + party)
        #expect(accepted.status == 0, "\(accepted.err)")
    }

    @Test("staff assign --acting --external records a t.f. consultant; update --no-acting makes them the holder")
    func staffCapacity() throws {
        let registry = try RegistryTestServer.seeded()
        let assign = registry.run(["registry", "staff", "assign", "NBE", "--person", "Robert Karlsson", "--role",
                                   "coordinator", "--from", "2022-07-01", "--acting", "--external",
                                   "--organisation", "Evado", "--id", "coordinator-robert"])
        #expect(assign.status == 0, "\(assign.err)")
        var staff = try registry.json(StaffAssignment.self, ["staff", "get", "NBE", "coordinator-robert"])
        #expect(staff.acting == true && staff.external == true)
        #expect(registry.registry("staff list NBE --on 2022-07-01").out.contains("t.f., external"))
        #expect(registry.run(["registry", "staff", "update", "NBE", "coordinator-robert", "--no-acting"]).status == 0)
        staff = try registry.json(StaffAssignment.self, ["staff", "get", "NBE", "coordinator-robert"])
        #expect(staff.acting == nil && staff.external == true)
        let noFirm = registry.run(["registry", "staff", "update", "NBE", "coordinator-robert", "--organisation="])
        #expect(noFirm.status == 1 && noFirm.err.contains("external consultant"))
    }
}
