import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("Shipped data files")
struct ShippedDataTests {
    @Test("Both data files decode and pass every rule",
          arguments: ["norrbotten-e-namnd.json", "jamtland-gns.json"])
    func shippedFilesPassEveryRule(_ name: String) throws {
        let file = try Fixtures.shipped(name)
        try CommitteeValidator.validateFile(file)
        #expect(Normaliser.normalise(file) == file, "the shipped file is already in canonical form")
    }

    @Test("Norrbotten: 14 municipalities, Luleå host, 14 ledamöter and 14 ersättare, each paired within its party")
    func norrbottenShape() throws {
        let file = try Fixtures.norrbotten()
        #expect(file.committee.code == "NBE")
        #expect(file.parties.count == 14)
        #expect(file.parties.filter(\.isHost).map(\.code) == ["lulea"])
        #expect(file.parties.allSatisfy { $0.kind == .kommun })
        #expect(file.appointments.filter { $0.kind == .ledamot }.count == 14)
        #expect(file.appointments.filter { $0.kind == .ersattare }.count == 14)
        #expect(file.pairings.count == 14)
        let state = CommitteeState(file)
        for pairing in file.pairings {
            #expect(state.appointment(pairing.substitute)?.party == state.appointment(pairing.ledamot!)?.party)
        }
        #expect(file.committee.notes.contains { $0.contains("PLACEHOLDERS") })
        #expect(file.yearlyKeys.allSatisfy { $0.illustrative && $0.source.hasPrefix("illustrative:") })
    }

    @Test("Jämtland: Region Jämtland Härjedalen host and 8 municipalities, every appointment marked illustrative")
    func jamtlandShape() throws {
        let file = try Fixtures.jamtland()
        #expect(file.committee.code == "GNS")
        #expect(file.committee.caseNumberFormat == "GNS/{serial}/{year}")
        #expect(file.parties.count == 9)
        #expect(file.parties.filter(\.isHost).map(\.code) == ["region-jh"])
        #expect(file.parties.first { $0.isHost }?.kind == .region)
        #expect(file.parties.filter { $0.kind == .kommun }.count == 8)
        #expect(file.appointments.count == 18)
        #expect(file.appointments.allSatisfy { $0.note?.hasPrefix("illustrative assignment") == true })
        #expect(file.committee.notes.contains { $0.hasPrefix("ILLUSTRATIVE ASSIGNMENT") })
    }

    @Test("Every organisationsnummer in the shipped files passes the Luhn check and is unique")
    func organisationNumbersAreValid() throws {
        let numbers = try (Fixtures.norrbotten().parties + Fixtures.jamtland().parties).map(\.organisationNumber)
        #expect(numbers.allSatisfy(OrganisationNumber.isValid))
        #expect(Set(numbers).count == numbers.count)
    }
}
