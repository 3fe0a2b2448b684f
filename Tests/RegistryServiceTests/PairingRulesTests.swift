import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("PairingRules")
struct PairingRulesTests {
    private let path = FieldPath.root

    private func stateWithoutPairings() throws -> CommitteeState {
        var file = try Fixtures.norrbotten()
        file.pairings = []
        return CommitteeState(file)
    }

    private func personal(_ substitute: String, for ledamot: String, from: String = "2019-01-01",
                          to: String = "2022-12-31") -> SubstitutePairing {
        SubstitutePairing(id: "new-pairing", substitute: substitute, ledamot: ledamot, from: Fixtures.day(from),
                          to: Fixtures.day(to))
    }

    @Test("Johan Johansson (MP) may be paired with Lena Goldkuhl (S): both Boden, political parties do not matter")
    func samePartyDifferentPoliticalParty() throws {
        try PairingRules.validate(personal("johan-johansson-2019", for: "lena-goldkuhl-2019"),
                                  in: try stateWithoutPairings(), at: path)
    }

    @Test("An ersättare from Kalix may not serve for a Boden ledamot")
    func otherPartyIsRefused() throws {
        let error = expectServiceError(.validation, field: "ledamot") {
            try PairingRules.validate(personal("roland-nordin-2019", for: "lena-goldkuhl-2019"),
                                      in: try stateWithoutPairings(), at: path)
        }
        #expect(error?.message.contains("Kalix kommun") == true)
        #expect(error?.message.contains("Bodens kommun") == true)
        #expect(error?.message.contains("same party") == true)
    }

    @Test("The substitute must be an ersättare and the ledamot a ledamot")
    func kindsMustMatch() throws {
        let state = try stateWithoutPairings()
        expectServiceError(.validation, field: "substitute") {
            try PairingRules.validate(personal("lena-goldkuhl-2019", for: "lena-goldkuhl-2019"), in: state, at: path)
        }
        expectServiceError(.validation, field: "ledamot") {
            try PairingRules.validate(personal("johan-johansson-2019", for: "johan-johansson-2019"), in: state, at: path)
        }
    }

    @Test("A pairing names a ledamot or a rank: neither and both are refused")
    func ledamotXorRank() throws {
        let state = try stateWithoutPairings()
        var neither = personal("johan-johansson-2019", for: "lena-goldkuhl-2019")
        neither.ledamot = nil
        expectServiceError(.validation, field: "ledamot") { try PairingRules.validate(neither, in: state, at: path) }
        var both = personal("johan-johansson-2019", for: "lena-goldkuhl-2019")
        both.rank = 1
        expectServiceError(.validation, field: "ledamot") { try PairingRules.validate(both, in: state, at: path) }
    }

    @Test("A pairing outside either appointment is refused at the offending end")
    func outsideTheAppointments() throws {
        let state = try stateWithoutPairings()
        expectServiceError(.validation, field: "from") {
            try PairingRules.validate(personal("johan-johansson-2019", for: "lena-goldkuhl-2019", from: "2018-12-31"),
                                      in: state, at: path)
        }
        let shorter = CommitteeState(state.file.replacingAppointment("lena-goldkuhl-2019") {
            $0.to = Fixtures.day("2021-12-31")
        })
        expectServiceError(.validation, field: "to") {
            try PairingRules.validate(personal("johan-johansson-2019", for: "lena-goldkuhl-2019"), in: shorter, at: path)
        }
    }

    @Test("A ledamot has one personal ersättare at a time, and an ersättare one pairing")
    func onePairingAtATime() throws {
        var file = try Fixtures.norrbotten().replacingParty("boden") { $0.substituteSeats = 2 }
        file.persons.append(Person(id: "ny-ersattare", name: "Ny Ersättare"))
        file.appointments.append(Appointment(
            id: "ny-ersattare-2019", person: "ny-ersattare", party: "boden", kind: .ersattare, seat: 2,
            politicalParty: "S", mandatePeriod: Fixtures.term, from: Fixtures.day("2019-01-01"),
            to: Fixtures.day("2022-12-31")))
        let state = CommitteeState(file)
        expectServiceError(.conflict, field: "ledamot") {
            try PairingRules.validate(personal("ny-ersattare-2019", for: "lena-goldkuhl-2019"), in: state, at: path)
        }
        var ranked = SubstitutePairing(id: "r", substitute: "johan-johansson-2019", rank: 1,
                                       from: Fixtures.day("2019-01-01"), to: Fixtures.day("2022-12-31"))
        expectServiceError(.conflict, field: "substitute") { try PairingRules.validate(ranked, in: state, at: path) }
        ranked.substitute = "ny-ersattare-2019"
        try PairingRules.validate(ranked, in: state, at: path)
    }

    @Test("Two ersättare of the same party cannot share a rank; a rank below 1 is refused")
    func ranksAreUniquePerParty() throws {
        var file = try Fixtures.norrbotten().replacingParty("boden") { $0.substituteSeats = 2 }
        file.pairings = []
        file.persons.append(Person(id: "ny-ersattare", name: "Ny Ersättare"))
        file.appointments.append(Appointment(
            id: "ny-ersattare-2019", person: "ny-ersattare", party: "boden", kind: .ersattare, seat: 2,
            politicalParty: "S", mandatePeriod: Fixtures.term, from: Fixtures.day("2019-01-01"),
            to: Fixtures.day("2022-12-31")))
        file.pairings.append(SubstitutePairing(id: "first", substitute: "johan-johansson-2019", rank: 1,
                                               from: Fixtures.day("2019-01-01"), to: Fixtures.day("2022-12-31")))
        let state = CommitteeState(file)
        var second = SubstitutePairing(id: "second", substitute: "ny-ersattare-2019", rank: 1,
                                       from: Fixtures.day("2019-01-01"), to: Fixtures.day("2022-12-31"))
        expectServiceError(.conflict, field: "rank") { try PairingRules.validate(second, in: state, at: path) }
        second.rank = 0
        expectServiceError(.validation, field: "rank") { try PairingRules.validate(second, in: state, at: path) }
        // Kalix's order of service is separate from Boden's: rank 1 is free there.
        let kalix = SubstitutePairing(id: "kalix", substitute: "roland-nordin-2019", rank: 1,
                                      from: Fixtures.day("2019-01-01"), to: Fixtures.day("2022-12-31"))
        try PairingRules.validate(kalix, in: state, at: path)
    }

    @Test("Unknown appointments are not_found")
    func unknownAppointments() throws {
        let state = try stateWithoutPairings()
        expectServiceError(.notFound, field: "substitute") {
            try PairingRules.validate(personal("nobody-2019", for: "lena-goldkuhl-2019"), in: state, at: path)
        }
        expectServiceError(.notFound, field: "ledamot") {
            try PairingRules.validate(personal("johan-johansson-2019", for: "nobody-2019"), in: state, at: path)
        }
    }
}
