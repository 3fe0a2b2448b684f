import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("SubstituteFinder")
struct SubstituteFinderTests {
    private let meeting = Fixtures.day("2022-06-22")

    @Test("For Lena Goldkuhl (S), Boden, on 2022-06-22: Johan Johansson (MP), her personal ersättare — as in seed 002")
    func bodenSubstitute() throws {
        let list = try SubstituteFinder.substitutes(for: "lena-goldkuhl", in: Fixtures.norrbottenState(), on: meeting)
        #expect(list.ledamot.name == "Lena Goldkuhl")
        #expect(list.candidates.map(\.member.name) == ["Johan Johansson"])
        #expect(list.candidates[0].basis == .personal)
        #expect(list.candidates[0].member.politicalParty == "MP")
    }

    @Test("For Magnus Johansson (S), Gällivare: Stefan Ovrell (MP)")
    func gallivareSubstitute() throws {
        let list = try SubstituteFinder.substitutes(for: "magnus-johansson", in: Fixtures.norrbottenState(), on: meeting)
        #expect(list.candidates.map(\.member.person) == ["stefan-ovrell"])
    }

    @Test("No ersättare of another municipality is ever offered: Kalix's Roland Nordin never serves for Boden")
    func otherPartiesNeverServe() throws {
        let state = try Fixtures.norrbottenState()
        for ledamot in state.file.appointments where ledamot.kind == .ledamot && ledamot.holds(on: meeting) {
            let list = try SubstituteFinder.substitutes(for: ledamot.person, in: state, on: meeting)
            #expect(list.candidates.allSatisfy { $0.member.party == ledamot.party })
        }
    }

    @Test("Personal ersättare first, then the order of service by rank, then the rest by seat")
    func callingOrder() throws {
        var file = try Fixtures.norrbotten().replacingParty("boden") { $0.substituteSeats = 4 }
        for (seat, name) in [(2, "Andra Ersättare"), (3, "Tredje Ersättare"), (4, "Fjärde Ersättare")] {
            let id = RecordID.slug(from: name)
            file.persons.append(Person(id: id, name: name))
            file.appointments.append(Appointment(
                id: "\(id)-2019", person: id, party: "boden", kind: .ersattare, seat: seat, politicalParty: "S",
                mandatePeriod: Fixtures.term, from: Fixtures.day("2019-01-01"), to: Fixtures.day("2022-12-31")))
        }
        file.pairings.append(SubstitutePairing(id: "fjarde-rank-1", substitute: "fjarde-ersattare-2019", rank: 1,
                                               from: Fixtures.day("2019-01-01"), to: Fixtures.day("2022-12-31")))
        let state = CommitteeState(file)
        try CommitteeValidator.validate(state, locator: .id)
        let list = try SubstituteFinder.substitutes(for: "lena-goldkuhl", in: state, on: meeting)
        #expect(list.candidates.map(\.member.name)
                == ["Johan Johansson", "Fjärde Ersättare", "Andra Ersättare", "Tredje Ersättare"])
        #expect(list.candidates.map(\.basis) == [.personal, .orderOfService, .sameParty, .sameParty])
        #expect(list.candidates[1].rank == 1)
    }

    @Test("Asking for the substitutes of an ersättare, a stranger or someone without a seat that day is refused")
    func refusals() throws {
        let state = try Fixtures.norrbottenState()
        expectServiceError(.validation, field: "ledamot") {
            _ = try SubstituteFinder.substitutes(for: "johan-johansson", in: state, on: meeting)
        }
        expectServiceError(.notFound, field: "ledamot") {
            _ = try SubstituteFinder.substitutes(for: "nobody", in: state, on: meeting)
        }
        expectServiceError(.validation, field: "ledamot") {
            _ = try SubstituteFinder.substitutes(for: "lena-goldkuhl", in: state, on: Fixtures.day("2023-01-10"))
        }
    }
}
