import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("Composition")
struct CompositionTests {
    /// Seed 002's närvarolista, 2022-06-22: every ledamot and ersättare with municipality and
    /// political party, as printed (tjänstgörande, frånvarande and närvarande alike).
    static let attendanceLedamoter: [(name: String, municipality: String, party: String)] = [
        ("Isak Utsi", "Arjeplog", "S"), ("Sven Tornberg", "Haparanda", "C"), ("Maud Lundbäck", "Kalix", "S"),
        ("Stefan Sydberg", "Kiruna", "M"), ("Carina Sammeli", "Luleå", "S"), ("Ulrica Hammarström", "Pajala", "S"),
        ("Jonas Lindberg", "Piteå", "S"), ("Niclas Hökfors", "Överkalix", "S"), ("Lars Forsgren", "Arvidsjaur", "S"),
        ("Lena Goldkuhl", "Boden", "S"), ("Magnus Johansson", "Gällivare", "S"), ("Henrik Blind", "Jokkmokk", "MP"),
        ("Rikard Granström", "Älvsbyn", "S"), ("Roland Kempainen", "Övertorneå", "S"),
    ]
    static let attendanceErsattare: [(name: String, municipality: String, party: String)] = [
        ("Johan Johansson", "Boden", "MP"), ("Stefan Ovrell", "Gällivare", "MP"), ("Anne Jakobsson", "Överkalix", "S"),
        ("Erik Grähs", "Arjeplog", "V"), ("Marcus Lundberg", "Arvidsjaur", "S"), ("Patrik Vähäjärvi", "Haparanda", "S"),
        ("Robert Bernhardsson", "Jokkmokk", "S"), ("Roland Nordin", "Kalix", "M"), ("Gunnar Selberg", "Kiruna", "C"),
        ("Anders Josefsson", "Luleå", "M"), ("Leif Gramner", "Pajala", "KD"), ("Helena Stenberg", "Piteå", "S"),
        ("Peter Eriksson", "Älvsbyn", "S"), ("Inga Savilahti Häggbo", "Övertorneå", "S"),
    ]

    /// "Bodens kommun" → "Boden", "Gällivare kommun" → "Gällivare": the seed writes the bare name.
    static func municipality(_ partyName: String) -> String {
        var name = String(partyName.dropLast(" kommun".count))
        if ["Arjeplogs", "Arvidsjaurs", "Bodens", "Jokkmokks", "Älvsbyns"].contains(name) { name.removeLast() }
        return name
    }

    private func triples(_ members: [CompositionMember], in composition: Composition) -> Set<String> {
        let names = Dictionary(uniqueKeysWithValues: composition.parties.map { ($0.party, $0.name) })
        return Set(members.map { "\($0.name)|\(Self.municipality(names[$0.party]!))|\($0.politicalParty)" })
    }

    @Test("Norrbotten on 2022-06-22 matches seed 002's attendance list: who is ledamot, who ersättare, for which municipality and political party")
    func norrbottenMatchesAttendanceList() throws {
        let composition = try CompositionBuilder.composition(of: Fixtures.norrbottenState(), on: Fixtures.day("2022-06-22"))
        #expect(composition.parties.count == 14)
        #expect(composition.ledamoter.count == 14)
        #expect(composition.ersattare.count == 14)
        #expect(triples(composition.ledamoter, in: composition)
                == Set(Self.attendanceLedamoter.map { "\($0.name)|\($0.municipality)|\($0.party)" }))
        #expect(triples(composition.ersattare, in: composition)
                == Set(Self.attendanceErsattare.map { "\($0.name)|\($0.municipality)|\($0.party)" }))
        #expect(composition.chair?.name == "Carina Sammeli")
        #expect(composition.chair?.party == "lulea")
        #expect(composition.viceChair?.name == "Isak Utsi")
        #expect(composition.viceChair?.party == "arjeplog")
        #expect(composition.hostParty == "lulea")
        #expect(composition.vacancies.isEmpty)
        #expect(composition.staff.map(\.name) == ["Robert Karlsson", "Lisa Lundgren"])
        #expect(composition.staff.map(\.role) == [.secretary, .coordinator])
        #expect(composition.staff[1].organisation == "Evado")
    }

    @Test("Each party lists its ledamöter and ersättare by seat; Boden has Lena Goldkuhl (S) and Johan Johansson (MP)")
    func bodenComposition() throws {
        let composition = try CompositionBuilder.composition(of: Fixtures.norrbottenState(), on: Fixtures.day("2022-06-22"))
        let boden = try #require(composition.parties.first { $0.party == "boden" })
        #expect(boden.ledamoter.map(\.name) == ["Lena Goldkuhl"])
        #expect(boden.ersattare.map(\.name) == ["Johan Johansson"])
        #expect(boden.ersattare[0].politicalParty == "MP")
        #expect(boden.ledamoter[0].roles.isEmpty)
        #expect(composition.parties.first { $0.party == "lulea" }?.ledamoter[0].roles == [.chair])
    }

    @Test("In 2014 (seed 004) Niklas Nordström chairs and Henrik Billström is e-samordnare; the other 25 seats are vacant and Kiruna is not yet a member")
    func compositionOfTheEarlierTerm() throws {
        let composition = try CompositionBuilder.composition(of: Fixtures.norrbottenState(), on: Fixtures.day("2014-06-01"))
        #expect(composition.parties.count == 13)
        #expect(!composition.parties.contains { $0.party == "kiruna" })
        #expect(composition.ledamoter.map(\.name) == ["Niklas Nordström"])
        #expect(composition.chair?.name == "Niklas Nordström" && composition.chair?.mandatePeriod?.description == "2011-2014")
        #expect(composition.viceChair == nil)
        #expect(composition.vacancies.count == 25)
        #expect(composition.staff.map(\.name) == ["Henrik Billström"])
        #expect(composition.staff.first?.title == "E-samordnare")
        #expect(composition.staffVacancies == [.secretary])
    }

    @Test("Between the terms the seeds document (2016) every seat and both staff posts are vacant")
    func compositionBetweenTheTerms() throws {
        let composition = try CompositionBuilder.composition(of: Fixtures.norrbottenState(), on: Fixtures.day("2016-06-01"))
        #expect(composition.parties.count == 14)
        #expect(composition.ledamoter.isEmpty && composition.chair == nil && composition.staff.isEmpty)
        #expect(composition.vacancies.count == 28)
        #expect(composition.staffVacancies == [.secretary, .coordinator])
    }

    @Test("Jämtland has no composition before it was established on 2017-01-01")
    func noCompositionOutsideLifetime() throws {
        let state = CommitteeState(try Fixtures.jamtland())
        expectServiceError(.validation, field: "on") {
            _ = try CompositionBuilder.composition(of: state, on: Fixtures.day("2016-12-31"))
        }
        let early = try CompositionBuilder.composition(of: state, on: Fixtures.day("2017-06-01"))
        #expect(early.parties.map(\.party) == ["region-jh", "are"])
    }

    @Test("After Boden's ledamot leaves, her seat is listed as vacant")
    func endedAppointmentLeavesVacancy() throws {
        let file = try Fixtures.norrbotten().replacingAppointment("lena-goldkuhl-2019") { $0.to = Fixtures.day("2022-03-31") }
        var adjusted = file
        adjusted.pairings.removeAll { $0.ledamot == "lena-goldkuhl-2019" }
        let composition = try CompositionBuilder.composition(of: CommitteeState(adjusted), on: Fixtures.day("2022-06-22"))
        #expect(composition.vacancies == [Vacancy(party: "boden", kind: .ledamot, seat: 1)])
        #expect(composition.ledamoter.count == 13)
    }
}
