import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

/// Political parties are one list per committee (the national parties and the local parties the
/// committee adds), every spelling of a party is stored one way, and anything else is refused.
@Suite("Political parties")
struct PoliticalPartiesTests {
    @Test("S, s, (S), ( s ), Socialdemokraterna and its official name are all S", arguments: [
        "S", "s", "(S)", "( s )", "Socialdemokraterna", "socialdemokraterna", "Sveriges socialdemokratiska  arbetareparti",
    ])
    func spellingsOfS(_ text: String) {
        #expect(PoliticalParties.canonical(text, localParties: []) == "S")
    }

    @Test("Each national party's name is its abbreviation; Folkpartiet (FP) is L")
    func nationalNames() {
        let names = ["Moderaterna": "M", "Sverigedemokraterna": "SD", "Centerpartiet": "C", "Vänsterpartiet": "V",
                     "Kristdemokraterna": "KD", "Liberalerna": "L", "Folkpartiet": "L", "(FP)": "L",
                     "Miljöpartiet de gröna": "MP", "mp": "MP"]
        for (name, abbreviation) in names {
            #expect(PoliticalParties.canonical(name, localParties: []) == abbreviation, "\(name)")
        }
    }

    @Test("A committee's local party matches in any case and spacing and is stored as the committee lists it")
    func localParty() {
        let local = ["Kommunens väl", "Sjukvårdspartiet"]
        #expect(PoliticalParties.canonical("kommunens  VÄL", localParties: local) == "Kommunens väl")
        #expect(PoliticalParties.canonical("(Sjukvårdspartiet)", localParties: local) == "Sjukvårdspartiet")
        #expect(PoliticalParties.canonical("Kommunens väl", localParties: []) == nil)
    }

    static func withLocalParty() throws -> CommitteeFile {
        var file = try Fixtures.norrbotten()
        file.committee.localPoliticalParties = ["Kommunens väl"]
        return file
    }

    @Test("An appointment naming a party the committee does not list is validation naming the way to add it")
    func unknownPartyRefused() throws {
        let file = try Fixtures.norrbotten().replacingAppointment("isak-utsi-2019") { $0.politicalParty = "Kommunens väl" }
        // Isak Utsi's is the file's first appointment.
        let error = expectServiceError(.validation, field: "appointments[0].politicalParty") {
            try CommitteeValidator.validateFile(file)
        }
        #expect(error?.message.contains("--local-party") == true)
    }

    @Test("With Kommunens väl listed, an import stores \"kommunens väl\" and \"(s)\" as Kommunens väl and S")
    func importNormalises() throws {
        var file = try Self.withLocalParty().replacingAppointment("isak-utsi-2019") { $0.politicalParty = "kommunens väl" }
        file = file.replacingAppointment("erik-grahs-2019") { $0.politicalParty = "(s)" }
        let normalised = Normaliser.normalise(file)
        try CommitteeValidator.validateFile(normalised)
        #expect(normalised.appointments.first { $0.id == "isak-utsi-2019" }?.politicalParty == "Kommunens väl")
        #expect(normalised.appointments.first { $0.id == "erik-grahs-2019" }?.politicalParty == "S")
    }

    @Test("Through the service: appointment create with Socialdemokraterna stores S; an unknown party is refused")
    func throughTheService() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Self.withLocalParty())
        _ = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "NBE", id: "ny", name: "Ny Ersättare"))
        var party = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "boden"))
        party.substituteSeats = 2
        _ = try host.call(RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: party))
        let created = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
            committee: "NBE", person: "ny", party: "boden", kind: .ersattare, politicalParty: "Socialdemokraterna",
            mandatePeriod: Fixtures.term))
        #expect(created.politicalParty == "S")
        var local = created
        local.politicalParty = "KOMMUNENS VÄL"
        let updated = try host.call(RegistryMethods.appointmentUpdate, AppointmentUpdate(committee: "NBE", appointment: local))
        #expect(updated.politicalParty == "Kommunens väl")
        var unknown = updated
        unknown.politicalParty = "Piratpartiet"
        expectServiceError(.validation, field: "appointment.politicalParty") {
            _ = try host.call(RegistryMethods.appointmentUpdate, AppointmentUpdate(committee: "NBE", appointment: unknown))
        }
    }

    @Test("A local party list may not repeat a party or list a national one")
    func localListRules() throws {
        var committee = try Fixtures.norrbotten().committee
        committee.localPoliticalParties = ["Kommunens väl", "kommunens väl"]
        expectServiceError(.conflict, field: "committee.localPoliticalParties[1]") {
            try CommitteeRules.validate(committee, at: FieldPath("committee"))
        }
        committee.localPoliticalParties = ["Moderaterna"]
        expectServiceError(.validation, field: "committee.localPoliticalParties[0]") {
            try CommitteeRules.validate(committee, at: FieldPath("committee"))
        }
    }

    @Test("Removing a local party that an appointment names is refused by committee update")
    func removingAUsedLocalParty() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Self.withLocalParty().replacingAppointment("isak-utsi-2019") {
            $0.politicalParty = "Kommunens väl"
        })
        var committee = try host.call(RegistryMethods.committeeGet, CommitteeRef(committee: "NBE")).committee
        committee.localPoliticalParties = nil
        expectServiceError(.validation, field: "appointments[isak-utsi-2019].politicalParty") {
            _ = try host.call(RegistryMethods.committeeUpdate, CommitteeUpdate(committee: committee))
        }
    }
}
