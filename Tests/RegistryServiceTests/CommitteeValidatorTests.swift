import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("CommitteeValidator")
struct CommitteeValidatorTests {
    @Test("A person listed twice in a file is a conflict at the second occurrence")
    func duplicatePersonID() throws {
        var file = try Fixtures.norrbotten()
        file.persons.append(Person(id: "lena-goldkuhl", name: "Lena Goldkuhl"))
        let error = expectServiceError(.conflict, field: "persons[\(file.persons.count - 1)].id") {
            try CommitteeValidator.validateFile(file)
        }
        let first = file.persons.firstIndex { $0.id == "lena-goldkuhl" }!
        #expect(error?.message.contains("persons[\(first)]") == true)
    }

    @Test("A party listed twice under different codes is a conflict on its organisationsnummer")
    func duplicatePartyInFile() throws {
        var file = try Fixtures.norrbotten()
        var twin = file.parties[2]
        twin.code = "boden-igen"
        twin.name = "Boden igen"
        file.parties.append(twin)
        expectServiceError(.conflict, field: "parties[2].organisationNumber") { try CommitteeValidator.validateFile(file) }
    }

    @Test("Errors in a file name the position: an appointment before its party joined")
    func positionalPaths() throws {
        let file = try Fixtures.norrbotten().replacingParty("kiruna") { $0.joinedOn = Fixtures.day("2020-01-01") }
        let index = file.appointments.firstIndex { $0.id == "stefan-sydberg-2019" }!
        expectServiceError(.validation, field: "appointments[\(index)].from") { try CommitteeValidator.validateFile(file) }
    }

    @Test("Ending Boden's membership while its appointments run on is caught, named by id")
    func dependentRecordsAreChecked() throws {
        let file = try Fixtures.norrbotten().replacingParty("boden") { $0.leftOn = Fixtures.day("2021-12-31") }
        let error = expectServiceError(.validation, field: "appointments[lena-goldkuhl-2019].to") {
            try CommitteeValidator.validate(CommitteeState(file), locator: .id)
        }
        #expect(error?.message.contains("Bodens kommun left NBE after 2021-12-31") == true)
    }

    @Test("An unknown format version is refused")
    func formatVersion() throws {
        var file = try Fixtures.norrbotten()
        file.formatVersion = 2
        expectServiceError(.validation, field: "formatVersion") { try CommitteeValidator.validateFile(file) }
    }

    @Test("A figure given twice for the same party, key and year is a conflict")
    func duplicateYearlyKey() throws {
        var file = try Fixtures.norrbotten()
        file.yearlyKeys.append(file.yearlyKeys[0])
        expectServiceError(.conflict, field: "yearlyKeys[\(file.yearlyKeys.count - 1)].year") {
            try CommitteeValidator.validateFile(file)
        }
    }

    @Test("A pairing that refers to a missing appointment is not_found at its position")
    func missingReference() throws {
        var file = try Fixtures.norrbotten()
        file.pairings[0].ledamot = "nobody-2019"
        expectServiceError(.notFound, field: "pairings[0].ledamot") { try CommitteeValidator.validateFile(file) }
    }
}
