import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

/// What a composition says beyond who sits: appointment dates and mandate periods, pairings,
/// organisationsnummer and party names, and the staff: acting, external, vacant posts, and staff
/// who are also members.
@Suite("Composition details")
struct CompositionDetailsTests {
    static let day = Fixtures.day("2022-06-22")

    @Test("Members carry their mandate period, dates, party name and pairing; parties their organisationsnummer")
    func memberDetails() throws {
        let composition = try CompositionBuilder.composition(of: Fixtures.norrbottenState(), on: Self.day)
        let boden = try #require(composition.parties.first { $0.party == "boden" })
        #expect(boden.organisationNumber == "212000-2767")
        let lena = try #require(boden.ledamoter.first)
        #expect(lena.name == "Lena Goldkuhl" && lena.partyName == "Bodens kommun")
        #expect(lena.mandatePeriod?.description == "2019-2022")
        #expect(lena.from == Fixtures.day("2019-01-01") && lena.to == Fixtures.day("2022-12-31"))
        #expect(lena.personalSubstitute == "johan-johansson-2019")
        let johan = try #require(boden.ersattare.first)
        #expect(johan.substituteFor == "lena-goldkuhl-2019" && johan.rank == nil)
        #expect(composition.ledamoter.allSatisfy { $0.partyName != nil && $0.personalSubstitute != nil })
    }

    @Test("Seed 002: Lisa Lundgren is acting coordinator from Evado, an external consultant; the post is vacant")
    func actingExternalCoordinator() throws {
        let composition = try CompositionBuilder.composition(of: Fixtures.norrbottenState(), on: Self.day)
        let lisa = try #require(composition.staff.first { $0.person == "lisa-lundgren" })
        #expect(lisa.role == .coordinator && lisa.acting == true && lisa.external == true && lisa.organisation == "Evado")
        #expect(lisa.alsoMember == nil)
        #expect(composition.staffVacancies == [.coordinator])
        let robert = try #require(composition.staff.first { $0.person == "robert-karlsson" })
        #expect(robert.acting == nil && robert.external == nil)
    }

    @Test("A member of staff who is also a ledamot that day is flagged")
    func staffWhoAreMembers() throws {
        var file = try Fixtures.norrbotten()
        file.staff.append(StaffAssignment(id: "secretary-jonas-lindberg", person: "jonas-lindberg", role: .secretary,
                                          from: Fixtures.day("2022-06-01"), to: Fixtures.day("2022-06-30")))
        let composition = try CompositionBuilder.composition(of: CommitteeState(file), on: Self.day)
        #expect(composition.staff.first { $0.person == "jonas-lindberg" }?.alsoMember == .ledamot)
        #expect(composition.staff.first { $0.person == "robert-karlsson" }?.alsoMember == nil)
    }

    @Test("An external consultant without an organisation is validation at organisation")
    func externalNeedsOrganisation() throws {
        let state = try Fixtures.norrbottenState()
        var lisa = try #require(state.file.staff.first { $0.person == "lisa-lundgren" })
        lisa.organisation = nil
        expectServiceError(.validation, field: "staff.organisation") {
            try StaffRules.validate(lisa, in: state, at: FieldPath("staff"))
        }
    }

    @Test("acting: false and external: false are stored as absent")
    func falseIsAbsent() throws {
        let staff = StaffAssignment(id: "a", person: "b", role: .secretary, from: Self.day, acting: false, external: false)
        let normalised = Normaliser.normalise(staff)
        #expect(normalised.acting == nil && normalised.external == nil)
    }
}
