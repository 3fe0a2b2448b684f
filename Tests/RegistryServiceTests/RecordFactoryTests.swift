import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("RecordFactory and IDGenerator")
struct RecordFactoryTests {
    @Test("Ids are slugs of the name, with -2, -3 … when taken")
    func generatedIDs() {
        #expect(IDGenerator.unique("Johan Johansson", taken: []) == "johan-johansson")
        #expect(IDGenerator.unique("Johan Johansson", taken: ["johan-johansson"]) == "johan-johansson-2")
        #expect(IDGenerator.unique("Johan Johansson", taken: ["johan-johansson", "johan-johansson-2"]) == "johan-johansson-3")
        let long = String(repeating: "a", count: 64)
        let second = IDGenerator.unique(long, taken: [long])
        #expect(second.count == 64 && second.hasSuffix("-2") && RecordID.isValid(second))
    }

    @Test("A second Johan Johansson, confirmed, gets johan-johansson-2; an explicit id already taken is a conflict")
    func personIDs() throws {
        let state = try Fixtures.norrbottenState()
        let person = try RecordFactory.person(PersonCreate(committee: "NBE", name: " Johan Johansson ", allowSameName: true),
                                              in: state)
        #expect(person.id == "johan-johansson-2")
        #expect(person.name == "Johan Johansson")
        expectServiceError(.conflict, field: "id") {
            _ = try RecordFactory.person(PersonCreate(committee: "NBE", id: "lena-goldkuhl", name: "X"), in: state)
        }
    }

    @Test("A political party typed in lower case is stored as the minutes write it: m is M, mp is MP; local names stay")
    func politicalPartyNormalised() throws {
        let state = try Fixtures.norrbottenState()
        func party(_ typed: String) throws -> String {
            try RecordFactory.appointment(AppointmentCreate(committee: "NBE", person: "isak-utsi", party: "arjeplog",
                                                            kind: .ledamot, politicalParty: typed,
                                                            mandatePeriod: MandatePeriod("2023-2026")!), in: state)
                .politicalParty
        }
        #expect(try party("m") == "M")
        #expect(try party(" mp ") == "MP")
        #expect(try party("Sd") == "SD")
        #expect(try party("Norrbottens sjukvårdsparti") == "Norrbottens sjukvårdsparti")
    }

    @Test("A person named like one already in the committee is refused unless confirmed, whatever the case")
    func sameNameNeedsConfirmation() throws {
        let state = try Fixtures.norrbottenState()
        let error = expectServiceError(.conflict, field: "name") {
            _ = try RecordFactory.person(PersonCreate(committee: "NBE", name: "johan johansson"), in: state)
        }
        #expect(error?.message.contains("(johan-johansson)") == true && error?.message.contains("--same-name") == true)
    }

    @Test("An appointment defaults to the whole term within the membership, the free seat and <person>-<year>")
    func appointmentDefaults() throws {
        var file = try Fixtures.norrbotten().replacingParty("boden") { $0.memberSeats = 2 }
        file.persons.append(Person(id: "ny-ledamot", name: "Ny Ledamot"))
        let state = CommitteeState(file)
        let appointment = try RecordFactory.appointment(
            AppointmentCreate(committee: "NBE", person: "ny-ledamot", party: "boden", kind: .ledamot,
                              politicalParty: " V ", mandatePeriod: Fixtures.term), in: state)
        #expect(appointment.id == "ny-ledamot-2019")
        #expect(appointment.seat == 2)
        #expect(appointment.from == Fixtures.day("2019-01-01") && appointment.to == Fixtures.day("2022-12-31"))
        #expect(appointment.politicalParty == "V")
        try AppointmentRules.validate(appointment, in: state, at: .root)
    }

    @Test("A party that left mid-term bounds the default end; a full party is a conflict on seat")
    func appointmentBoundsAndFullParty() throws {
        var file = try Fixtures.norrbotten()
        file.persons.append(Person(id: "ny-ledamot", name: "Ny Ledamot"))
        let request = AppointmentCreate(committee: "NBE", person: "ny-ledamot", party: "boden", kind: .ledamot,
                                        politicalParty: "S", mandatePeriod: MandatePeriod("2023-2026")!)
        let left = CommitteeState(file.replacingParty("boden") { $0.leftOn = Fixtures.day("2024-06-30") })
        #expect(try RecordFactory.appointment(request, in: left).to == Fixtures.day("2024-06-30"))
        var full = request
        full.mandatePeriod = Fixtures.term
        expectServiceError(.conflict, field: "seat") { _ = try RecordFactory.appointment(full, in: CommitteeState(file)) }
        full.party = "umea"
        expectServiceError(.notFound, field: "party") { _ = try RecordFactory.appointment(full, in: CommitteeState(file)) }
    }

    @Test("A role ends with the ledamot appointment by default; a pairing spans both appointments")
    func roleAndPairingDefaults() throws {
        var file = try Fixtures.norrbotten()
        file.roles = []
        file.pairings = []
        let state = CommitteeState(file)
        let role = try RecordFactory.role(RoleAssign(committee: "NBE", person: "carina-sammeli", role: .chair,
                                                     from: Fixtures.day("2022-06-22")), in: state)
        #expect(role.id == "chair-carina-sammeli-2022")
        #expect(role.to == Fixtures.day("2022-12-31"))
        let pairing = try RecordFactory.pairing(PairingCreate(committee: "NBE", substitute: "johan-johansson-2019",
                                                              ledamot: "lena-goldkuhl-2019"), in: state)
        #expect(pairing.id == "johan-johansson-for-lena-goldkuhl")
        #expect(pairing.from == Fixtures.day("2019-01-01") && pairing.to == Fixtures.day("2022-12-31"))
        let key = try RecordFactory.signingKey(SigningKeyAdd(committee: "NBE", person: "robert-karlsson",
                                                             publicKey: String(repeating: "AB", count: 32),
                                                             validFrom: Fixtures.day("2022-06-01")), in: state)
        #expect(key.id == "robert-karlsson-key-1")
        #expect(key.publicKey == String(repeating: "ab", count: 32))
        let staff = try RecordFactory.staff(StaffAssign(committee: "NBE", person: "lisa-lundgren", role: .secretary,
                                                        from: Fixtures.day("2023-01-01")), in: state)
        #expect(staff.id == "secretary-lisa-lundgren")
    }

    @Test("The normaliser writes organisationsnummer and bankgiro canonically and leaves bad values for the rules")
    func normaliser() {
        var party = Party(code: "lulea", name: "Luleå kommun", kind: .kommun, organisationNumber: " 2120002742",
                          isHost: true, joinedOn: Fixtures.day("2014-01-01"))
        party.invoicing.bankgiro = "50501055"
        let normalised = Normaliser.normalise(party)
        #expect(normalised.organisationNumber == "212000-2742")
        #expect(normalised.invoicing.bankgiro == "5050-1055")
        party.organisationNumber = "212000-2743"
        #expect(Normaliser.normalise(party).organisationNumber == "212000-2743")
    }
}
