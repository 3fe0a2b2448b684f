import Foundation
import RegistryAPI
import Testing
@testable import KansliCLI

/// The record commands: reads print the response as JSON, updates change only the fields given.
@Suite("kansli registry record commands")
struct RegistryRecordCommandsTests {
    @Test("--json of the reads decodes back into each response type")
    func readsAsJSON() throws {
        let registry = try RegistryTestServer.seeded()
        #expect(try registry.json(CommitteeOverview.self, "committee get NBE").hostParty == "lulea")
        #expect(try registry.json([Party].self, "party list NBE --on 2022-06-22").count == 14)
        #expect(try registry.json(Party.self, "party get NBE lulea").organisationNumber == "212000-2742")
        #expect(try registry.json(PersonDetails.self, "person get NBE isak-utsi").roles.map(\.role) == [.viceChair])
        #expect(try registry.json([Appointment].self, "appointment list NBE --party boden").count == 2)
        #expect(try registry.json([RoleAssignment].self, "role list NBE --on 2022-06-22").count == 2)
        #expect(try registry.json([StaffAssignment].self, "staff list NBE --on 2022-06-22").map(\.role) == [.secretary, .coordinator])
        #expect(try registry.json([StaffAssignment].self, "staff list NBE").count == 3)
        #expect(try registry.json(SubstitutePairing.self, "pairing get NBE johan-johansson-for-lena-goldkuhl")
                    .ledamot == "lena-goldkuhl-2019")
        let table = try registry.json(YearlyKeyTable.self, "yearly-key table NBE --kind population --year 2022")
        #expect(table.total == 368_800)
        #expect(table.rows.first { $0.party == "lulea" }?.value == 115_900)
    }

    @Test("the text of a read is an aligned table with English labels and the data as stored")
    func readsAsText() throws {
        let registry = try RegistryTestServer.seeded()
        let parties = registry.registry("party list NBE").out.split(separator: "\n")
        #expect(parties.first?.hasPrefix("code        name") == true)
        #expect(parties.contains { $0.hasPrefix("overtornea  Övertorneå kommun") })
        let table = registry.registry("yearly-key table NBE --kind population --year 2022").out
        #expect(table.contains("115 900"))
        #expect(table.split(separator: "\n").contains { $0.hasPrefix("total") && $0.contains("368 800") })
    }

    @Test("update sends the whole record with only the given fields changed; an empty value clears")
    func updateKeepsTheRest() throws {
        let registry = try RegistryTestServer.seeded()
        let before = try registry.json(Party.self, "party get NBE lulea")
        let run = registry.run(["registry", "party", "update", "NBE", "lulea", "--note=", "--buyer-reference", "E-nämnden",
                                "--address-line", "Luleå kommun", "--postal-code", "971 85", "--city", "Luleå"])
        #expect(run.status == 0, "\(run.err)")
        var expected = before
        expected.revision = 2
        expected.note = nil
        // The shipped details are invented; those given here are Luleå's own from now on.
        #expect(before.invoicing.invented == [.address, .buyerReference, .peppolID, .bankgiro])
        expected.invoicing.address = PostalAddress(lines: ["Luleå kommun"], postalCode: "971 85", city: "Luleå")
        expected.invoicing.buyerReference = "E-nämnden"
        expected.invoicing.invented = [.peppolID, .bankgiro]
        #expect(try registry.json(Party.self, "party get NBE lulea") == expected)
        #expect(registry.registry("party get NBE lulea").out.contains("invented             peppolID, bankgiro"))

        let partial = registry.registry("party update NBE lulea --city Boden --address-line=")
        #expect(partial.status == 64)
        #expect(partial.err.contains("--address-line, --postal-code and --city"))
    }

    @Test("update sends the revision it read: --revision of a read that someone else's update overtook is a conflict")
    func updateNamesItsRevision() throws {
        let registry = try RegistryTestServer.seeded()
        let read = try registry.json(Party.self, "party get NBE boden")
        #expect(read.revision == 1)
        let first = registry.registry("party update NBE boden --buyer-reference Kommunledningskontoret")
        #expect(first.status == 0, "\(first.err)")
        #expect(try registry.json(Party.self, "party get NBE boden").revision == 2)
        // A script that read revision 1 before that update.
        let stale = registry.registry("party update NBE boden --revision 1 --note fakturor")
        #expect(stale.status == 1)
        #expect(stale.err.contains("conflict") && stale.err.contains("revision 2 was stored by key"), "\(stale.err)")
        #expect(try registry.json(Party.self, "party get NBE boden").note == read.note)
        let current = registry.registry("party update NBE boden --revision 2 --note fakturor")
        #expect(current.status == 0, "\(current.err)")
        // --revision alone changes nothing, and the refusal does not offer it as a change.
        let nothing = registry.registry("person update NBE isak-utsi --revision 1")
        #expect(nothing.status == 64 && !nothing.err.contains("--revision"), "\(nothing.err)")
    }

    @Test("appointment replace: Lars Forsgren leaves, Anna Berg takes the seat and Marcus Lundberg follows, in one command")
    func midTermReplacement() throws {
        let registry = try RegistryTestServer.seeded()
        let run = registry.run(["registry", "appointment", "replace", "NBE", "lars-forsgren-2019", "--last-day", "2021-06-30",
                                "--successor-name", "Anna Berg"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == """
            Appointment lars-forsgren-2019 of NBE ends after 2021-06-30.
            anna-berg (S) holds ledamot seat 1 for arvidsjaur 2021-07-01–2022-12-31: appointment anna-berg-2019, person anna-berg created.
            Pairing marcus-lundberg-for-lars-forsgren ends after 2021-06-30; marcus-lundberg-for-anna-berg follows 2021-07-01–2022-12-31.

            """, "\(run.out)")
        let composition = try registry.json(Composition.self, "composition NBE --on 2021-07-01")
        #expect(composition.parties.first { $0.party == "arvidsjaur" }?.ledamoter.map(\.person) == ["anna-berg"])

        // The vice chair cannot leave without the role: the refusal says what to do first.
        let refused = registry.registry("appointment replace NBE isak-utsi-2019 --last-day 2021-06-30 --successor anna-berg")
        #expect(refused.status == 1)
        #expect(refused.err.contains("kansli registry role end NBE vice-chair-isak-utsi-2019 --last-day 2021-06-30")
            && refused.err.contains("--end-roles"), "\(refused.err)")
        let both = registry.registry("appointment replace NBE isak-utsi-2019 --last-day 2021-06-30")
        #expect(both.status == 64 && both.err.contains("--successor-name"), "\(both.err)")
    }

    @Test("person create with a name already in the committee is refused unless --same-name is given")
    func sameNameNeedsConfirmation() throws {
        let registry = try RegistryTestServer.seeded()
        let refused = registry.run(["registry", "person", "create", "NBE", "--name", "Isak Utsi"])
        #expect(refused.status == 1)
        #expect(refused.err.contains("isak-utsi") && refused.err.contains("--same-name"), "\(refused.err)")
        let confirmed = registry.run(["registry", "person", "create", "NBE", "--name", "Isak Utsi", "--same-name", "--json"])
        #expect(confirmed.status == 0, "\(confirmed.err)")
        #expect(try JSONDecoder().decode(Person.self, from: Data(confirmed.out.utf8)).id == "isak-utsi-2")
    }

    @Test("--idempotency-key makes a re-run of a write safe: the second run answers with the first run's record")
    func idempotencyKeyMakesReRunsSafe() throws {
        let registry = try RegistryTestServer.seeded()
        let line = ["registry", "person", "create", "NBE", "--name", "Anna Berg", "--json",
                    "--idempotency-key", "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"]
        let first = registry.run(line), second = registry.run(line)
        #expect(first.status == 0 && second.status == 0, "\(first.err) \(second.err)")
        #expect(first.out == second.out)
        let persons = try registry.json([Person].self, "person list NBE")
        #expect(persons.filter { $0.name == "Anna Berg" }.count == 1)
        let malformed = registry.run(["registry", "person", "create", "NBE", "--name", "Anna Berg", "--idempotency-key", "x"])
        #expect(malformed.status == 64 && malformed.err.contains("UUID"), "\(malformed.err)")
    }

    @Test("a party leaves with end --left, and the composition after that day no longer has it")
    func partyLeaves() throws {
        let registry = try RegistryTestServer.seeded()
        // The pairing first, then the appointments it lies within, then the membership they lie within.
        for line in ["pairing end NBE gunnar-selberg-for-stefan-sydberg", "appointment end NBE stefan-sydberg-2019",
                     "appointment end NBE gunnar-selberg-2019"] {
            let run = registry.registry("\(line) --last-day 2022-06-30")
            #expect(run.status == 0, "\(line): \(run.err)")
        }
        let left = registry.registry("party end NBE kiruna --left 2022-06-30")
        #expect(left.status == 0, "\(left.err)")
        #expect(left.out == "Party kiruna of NBE ends after 2022-06-30.\n")
        #expect(try registry.json(Composition.self, "composition NBE --on 2022-07-01").parties.count == 13)
    }

    @Test("a pairing update switches between a personal ersättare and the order of service")
    func pairingSwitches() throws {
        let registry = try RegistryTestServer.seeded()
        let id = "johan-johansson-for-lena-goldkuhl"
        #expect(registry.registry("pairing update NBE \(id) --rank 1").status == 0)
        var pairing = try registry.json(SubstitutePairing.self, "pairing get NBE \(id)")
        #expect(pairing.ledamot == nil && pairing.rank == 1)
        #expect(registry.registry("pairing update NBE \(id) --ledamot lena-goldkuhl-2019").status == 0)
        pairing = try registry.json(SubstitutePairing.self, "pairing get NBE \(id)")
        #expect(pairing.ledamot == "lena-goldkuhl-2019" && pairing.rank == nil)
        #expect(registry.registry("pairing update NBE \(id) --rank 1 --ledamot lena-goldkuhl-2019").status == 64)
    }

    @Test("a public key that is not 64 hex digits exits 64 naming --public-key")
    func badPublicKey() throws {
        let registry = try RegistryTestServer()
        let run = registry.registry("signing-key add NBE --person robert-karlsson --public-key abc --valid-from 2022-01-01")
        #expect(run.status == 64)
        #expect(run.err.contains("--public-key: expected 64 hexadecimal digits"))
    }
}
