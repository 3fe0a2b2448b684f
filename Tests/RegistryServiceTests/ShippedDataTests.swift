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

    @Test("Norrbotten: 14 municipalities, Luleå host, 14 ledamöter and 14 ersättare in 2019-2022, each paired within its party")
    func norrbottenShape() throws {
        let file = try Fixtures.norrbotten()
        #expect(file.committee.code == "NBE")
        let term = file.appointments.filter { $0.mandatePeriod.description == "2019-2022" }
        #expect(file.parties.count == 14)
        #expect(file.parties.filter(\.isHost).map(\.code) == ["lulea"])
        #expect(file.parties.allSatisfy { $0.kind == .kommun })
        #expect(term.filter { $0.kind == .ledamot }.count == 14)
        #expect(term.filter { $0.kind == .ersattare }.count == 14)
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

    @Test("Norrbotten's formal name and start are its reglemente's: Gemensam nämnd för utveckling av e-förvaltning, 2013-03-25 (seed 004)")
    func norrbottenNameAndStart() throws {
        let file = try Fixtures.norrbotten()
        #expect(file.committee.name == "Gemensam nämnd för utveckling av e-förvaltning")
        #expect(file.committee.shortName == "Norrbottens e-nämnd")
        #expect(file.committee.establishedOn == Fixtures.day("2013-03-25"))
        let founders = file.parties.filter { $0.code != "kiruna" }
        #expect(founders.count == 13 && founders.allSatisfy { $0.joinedOn == Fixtures.day("2013-03-25") })
        #expect(!file.committee.notes.contains { $0.contains("2014-01-01") && $0.contains("members from") })
    }

    @Test("Seed 004's 2014 presidium and e-samordnare are an earlier mandate period, 2011-2014")
    func norrbottenEarlierTerm() throws {
        let file = try Fixtures.norrbotten()
        let chair = try #require(file.roles.first { $0.person == "niklas-nordstrom" })
        #expect(chair.role == .chair && chair.from == Fixtures.day("2014-01-01") && chair.to == Fixtures.day("2014-12-31"))
        let appointment = try #require(file.appointments.first { $0.person == "niklas-nordstrom" })
        #expect(appointment.mandatePeriod.description == "2011-2014" && appointment.kind == .ledamot)
        #expect(appointment.note?.hasPrefix("illustrative assignment") == true)
        let coordinator = try #require(file.staff.first { $0.person == "henrik-billstrom" })
        #expect(coordinator.role == .coordinator && coordinator.title == "E-samordnare")
        #expect(coordinator.to == Fixtures.day("2014-12-31"))
    }

    @Test("Staff as seed 002 writes them: Robert Karlsson Sekreterare; Lisa Lundgren t.f. samordnare, acting, external, Evado")
    func norrbottenStaff() throws {
        let staff = try Fixtures.norrbotten().staff
        let robert = try #require(staff.first { $0.person == "robert-karlsson" })
        #expect(robert.role == .secretary && robert.title == "Sekreterare" && !robert.isActing && !robert.isExternal)
        let lisa = try #require(staff.first { $0.person == "lisa-lundgren" })
        #expect(lisa.title == "t.f. samordnare, extern konsult" && lisa.isActing && lisa.isExternal)
        #expect(lisa.organisation == "Evado")
        #expect(robert.from == Fixtures.day("2022-06-22") && lisa.from == Fixtures.day("2022-06-22"))
    }

    @Test("Every appointment in both files is in an election term")
    func electionTerms() throws {
        for file in [try Fixtures.norrbotten(), try Fixtures.jamtland()] {
            let offTerm = file.appointments.filter { !$0.mandatePeriod.isElectionTerm }.map(\.id)
            #expect(offTerm.isEmpty)
        }
    }
}
