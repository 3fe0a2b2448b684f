import Foundation
import RegistryAPI
import Testing
@testable import KansliCLI

/// `kansli registry composition` and `kansli registry substitutes` on Norrbottens e-nämnd as the
/// minutes of 2022-06-22 (seed 002) show it.
@Suite("kansli registry composition, substitutes")
struct RegistryCompositionTests {
    @Test("the composition on 2022-06-22 reads like the närvarolista: presidium, members by party, staff")
    func compositionText() throws {
        let registry = try RegistryTestServer.seeded()
        let run = registry.registry("composition NBE --on 2022-06-22")
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Composition of NBE on 2022-06-22: 14 parties, 14 ledamöter, 14 ersättare")
        let viceChair = try #require(lines.first { $0.hasPrefix("vice chair") })
        #expect(viceChair.contains("Isak Utsi (S)") && viceChair.contains("Arjeplog"))
        let chair = try #require(lines.first { $0.hasPrefix("chair ") })
        #expect(chair.contains("Carina Sammeli (S)") && chair.contains("Luleå kommun"))
        let boden = try #require(lines.first { $0.hasPrefix("Bodens kommun") })
        #expect(boden.contains("Lena Goldkuhl (S)") && boden.hasSuffix("Johan Johansson (MP)"))
        #expect(lines.contains { $0.hasPrefix("Luleå kommun (host)") && $0.contains("Carina Sammeli (S), chair") })
        let lisa = try #require(lines.first { $0.hasPrefix("Lisa Lundgren") })
        #expect(lisa.contains("Evado") && lisa.hasSuffix("t.f., external"))
        #expect(lines.suffix(2) == ["Vacant seats: none", "Vacant posts: coordinator (Lisa Lundgren acting)"])
    }

    @Test("a member of staff who is also a ledamot is flagged in the staff table")
    func staffAlsoLedamot() throws {
        let registry = try RegistryTestServer.seeded()
        let assign = registry.run(["registry", "staff", "assign", "NBE", "--person", "Jonas Lindberg", "--role", "secretary",
                                   "--from", "2022-06-01", "--to", "2022-06-30"])
        #expect(assign.status == 0, "\(assign.err)")
        let lines = registry.registry("composition NBE --on 2022-06-22").out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Jonas Lindberg") && $0.hasSuffix("ALSO LEDAMOT") })
    }

    @Test("--json carries appointment dates, mandate periods, pairings, party names and organisationsnummer")
    func compositionJSONDetails() throws {
        let registry = try RegistryTestServer.seeded()
        let composition = try registry.json(Composition.self, "composition NBE --on 2022-06-22")
        let boden = try #require(composition.parties.first { $0.party == "boden" })
        #expect(boden.organisationNumber == "212000-2767")
        let lena = try #require(boden.ledamoter.first)
        #expect(lena.partyName == "Bodens kommun" && lena.mandatePeriod?.description == "2019-2022")
        #expect(lena.from?.description == "2019-01-01" && lena.to?.description == "2022-12-31")
        #expect(lena.personalSubstitute == "johan-johansson-2019")
        #expect(boden.ersattare.first?.substituteFor == "lena-goldkuhl-2019")
        #expect(composition.staffVacancies == [.coordinator])
        #expect(composition.staff.first { $0.person == "lisa-lundgren" }?.acting == true)
    }

    @Test("an empty seat shows as vacant in its party's row and in the list of vacancies")
    func vacancy() throws {
        let registry = try RegistryTestServer.seeded()
        for line in ["pairing end NBE johan-johansson-for-lena-goldkuhl", "appointment end NBE johan-johansson-2019"] {
            let run = registry.registry("\(line) --last-day 2022-05-31")
            #expect(run.status == 0, "\(line): \(run.err)")
        }
        let lines = registry.registry("composition NBE --on 2022-06-22").out.split(separator: "\n")
        let boden = try #require(lines.first { $0.hasPrefix("Bodens kommun") })
        #expect(boden.hasSuffix("(vacant)"))
        #expect(lines.contains("Vacant seats: Bodens kommun ersattare seat 1"))
    }

    @Test("--json prints the registry's response, which decodes back into a Composition")
    func compositionJSON() throws {
        let registry = try RegistryTestServer.seeded()
        let composition = try registry.json(Composition.self, "composition NBE --on 2022-06-22")
        #expect(composition.date.description == "2022-06-22")
        #expect(composition.viceChair?.name == "Isak Utsi")
        #expect(composition.parties.count == 14)
        #expect(composition.hostParty == "lulea")
    }

    @Test("who may serve for Lena Goldkuhl: Johan Johansson (MP) of Boden, by name or by id")
    func substitutes() throws {
        let registry = try RegistryTestServer.seeded()
        let run = registry.run(["registry", "substitutes", "NBE", "--for", "Lena Goldkuhl", "--on", "2022-06-22"])
        #expect(run.status == 0, "\(run.err)")
        let first = try #require(run.out.split(separator: "\n").first { $0.hasPrefix("1 ") })
        #expect(first.contains("Johan Johansson (MP)") && first.contains("personal ersättare"))

        let list = try registry.json(SubstituteList.self, "substitutes NBE --for lena-goldkuhl --on 2022-06-22")
        #expect(list.ledamot.name == "Lena Goldkuhl")
        #expect(list.candidates.map(\.member.name) == ["Johan Johansson"])
        #expect(list.candidates.first?.basis == .personal)
    }

    @Test("substitutes for someone the committee does not know exits 1 naming --for")
    func unknownLedamot() throws {
        let registry = try RegistryTestServer.seeded()
        let run = registry.run(["registry", "substitutes", "NBE", "--for", "Lena Goldkuh", "--on", "2022-06-22"])
        #expect(run.status == 1)
        #expect(run.err.contains("for") && run.err.contains("Lena Goldkuh"))
    }
}
