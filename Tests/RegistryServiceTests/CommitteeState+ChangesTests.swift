import RegistryAPI
import Testing

@testable import RegistryService

/// A state changed in place (`CommitteeState+Changes`) answers every lookup as a state built
/// afresh from the changed file does.
@Suite("Committee state: changes kept in step with the lookups")
struct CommitteeStateChangesTests {
    /// `changed` and a state built from its file answer alike for every person, party and appointment.
    private func expectSameLookups(_ changed: CommitteeState, sourceLocation: SourceLocation = #_sourceLocation) {
        let rebuilt = CommitteeState(changed.file)
        for person in changed.file.persons {
            #expect(changed.person(person.id) == rebuilt.person(person.id), sourceLocation: sourceLocation)
            #expect(changed.person(named: person.name) == rebuilt.person(named: person.name), sourceLocation: sourceLocation)
            #expect(changed.appointments(ofPerson: person.id) == rebuilt.appointments(ofPerson: person.id),
                    "\(person.id)", sourceLocation: sourceLocation)
        }
        for party in changed.file.parties {
            #expect(changed.party(party.code) == rebuilt.party(party.code), sourceLocation: sourceLocation)
            #expect(changed.appointments(ofParty: party.code) == rebuilt.appointments(ofParty: party.code),
                    "\(party.code)", sourceLocation: sourceLocation)
        }
        for appointment in changed.file.appointments {
            #expect(changed.appointment(appointment.id) == rebuilt.appointment(appointment.id), sourceLocation: sourceLocation)
        }
    }

    @Test("A person and an appointment added: found by id, by person and by party")
    func adding() throws {
        let state = try Fixtures.norrbottenState()
        let anna = Person(id: "anna-berg", name: "Anna Berg", revision: 1)
        let appointment = Appointment(id: "anna-berg-2023", person: "anna-berg", party: "boden", kind: .ersattare,
                                      politicalParty: "S", mandatePeriod: MandatePeriod("2023-2026")!,
                                      from: Fixtures.day("2023-01-01"), to: Fixtures.day("2026-12-31"))
        let changed = state.adding(anna).adding(appointment)
        #expect(changed.person("anna-berg") == anna && changed.person(named: "ANNA BERG") == anna)
        #expect(changed.appointments(ofParty: "boden").last == appointment)
        expectSameLookups(changed)
    }

    @Test("An appointment moved to another person and party: both old and new lookups follow")
    func replacingMovesLookups() throws {
        let state = try Fixtures.norrbottenState()
        let index = try #require(state.file.appointments.firstIndex { $0.id == "lena-goldkuhl-2019" })
        var moved = state.file.appointments[index]
        moved.person = "isak-utsi"
        moved.party = "arjeplog"
        let changed = state.replacing(at: index, with: moved)
        #expect(!changed.appointments(ofPerson: "lena-goldkuhl").contains { $0.id == "lena-goldkuhl-2019" })
        #expect(changed.appointments(ofPerson: "isak-utsi").map(\.id) == ["isak-utsi-2019", "lena-goldkuhl-2019"])
        expectSameLookups(changed)
    }

    @Test("A person renamed: found by the new name, no longer by the old")
    func renamingMovesTheNameLookup() throws {
        let state = try Fixtures.norrbottenState()
        let index = try #require(state.file.persons.firstIndex { $0.id == "isak-utsi" })
        var isak = state.file.persons[index]
        isak.name = "Isak Utsi Nilsson"
        let changed = state.replacing(at: index, with: isak)
        #expect(changed.person(named: "isak utsi") == nil && changed.person(named: "Isak Utsi Nilsson")?.id == "isak-utsi")
        expectSameLookups(changed)
    }

    @Test("A yearly figure for the same party, kind and year replaces the old one in place")
    func settingYearlyKey() throws {
        let state = try Fixtures.norrbottenState()
        var key = state.file.yearlyKeys[0]
        key.value = 2_718
        let changed = state.setting(key)
        #expect(changed.file.yearlyKeys.count == state.file.yearlyKeys.count && changed.file.yearlyKeys[0] == key)
        key.year = 2023
        key.referenceDate = Fixtures.day("2022-12-31")
        #expect(changed.setting(key).file.yearlyKeys.last == key)
    }
}
