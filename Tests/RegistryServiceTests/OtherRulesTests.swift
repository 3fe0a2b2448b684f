import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("Committee, person, staff, signing key and yearly key rules")
struct OtherRulesTests {
    private let key32 = String(repeating: "0f", count: 32)

    @Test("A committee code in lower case and a case-number format without {serial} are refused")
    func committeeFields() throws {
        var committee = try Fixtures.norrbotten().committee
        try CommitteeRules.validate(committee, at: FieldPath("committee"))
        committee.code = "nbe"
        expectServiceError(.validation, field: "committee.code") {
            try CommitteeRules.validate(committee, at: FieldPath("committee"))
        }
        committee.code = "NBE"
        committee.caseNumberFormat = "{year}/{class}"
        expectServiceError(.validation, field: "committee.caseNumberFormat") {
            try CommitteeRules.validate(committee, at: FieldPath("committee"))
        }
        committee.caseNumberFormat = "{year}/{serial}-{class}"
        committee.establishedOn = Fixtures.day("2014-01-01")
        committee.endedOn = Fixtures.day("2013-12-31")
        expectServiceError(.validation, field: "committee.endedOn") {
            try CommitteeRules.validate(committee, at: FieldPath("committee"))
        }
    }

    @Test("A person needs a valid id and a name; e-mail and phone are checked when given")
    func personFields() throws {
        try PersonRules.validate(Person(id: "jessica-hadell", name: "Jessica Hådell", email: "jessica.hadell@regionjh.se",
                                        phone: "063-14 76 76"), at: .root)
        expectServiceError(.validation, field: "id") { try PersonRules.validate(Person(id: "Jessica", name: "J"), at: .root) }
        expectServiceError(.validation, field: "name") { try PersonRules.validate(Person(id: "j", name: ""), at: .root) }
        expectServiceError(.validation, field: "email") {
            try PersonRules.validate(Person(id: "j", name: "J", email: "jessica.regionjh.se"), at: .root)
        }
        expectServiceError(.validation, field: "phone") {
            try PersonRules.validate(Person(id: "j", name: "J", phone: "ring mig"), at: .root)
        }
    }

    @Test("Staff: the person must exist, the dates be in order, and the same role not overlap for one person")
    func staffRules() throws {
        let state = try Fixtures.norrbottenState()
        let again = StaffAssignment(id: "secretary-again", person: "robert-karlsson", role: .secretary,
                                    from: Fixtures.day("2022-06-01"))
        expectServiceError(.conflict, field: "from") { try StaffRules.validate(again, in: state, at: .root) }
        let unknown = StaffAssignment(id: "x", person: "nobody", role: .secretary, from: Fixtures.day("2022-06-01"))
        expectServiceError(.notFound, field: "person") { try StaffRules.validate(unknown, in: state, at: .root) }
        let reversed = StaffAssignment(id: "x", person: "lisa-lundgren", role: .secretary, from: Fixtures.day("2022-06-01"),
                                       to: Fixtures.day("2022-05-31"))
        expectServiceError(.validation, field: "to") { try StaffRules.validate(reversed, in: state, at: .root) }
        let other = StaffAssignment(id: "x", person: "lisa-lundgren", role: .secretary, from: Fixtures.day("2022-06-01"))
        try StaffRules.validate(other, in: state, at: .root)
    }

    @Test("Signing keys: 32 bytes of hex, dates in order, revocation with a reason, each key once")
    func signingKeyRules() throws {
        var file = try Fixtures.norrbotten()
        file.signingKeys = [SigningKey(id: "robert-karlsson-key-1", person: "robert-karlsson", publicKey: key32,
                                       validFrom: Fixtures.day("2022-01-01"))]
        let state = CommitteeState(file)
        try SigningKeyRules.validate(file.signingKeys[0], in: state, at: .root)

        var key = SigningKey(id: "k2", person: "carina-sammeli", publicKey: String(key32.dropLast(2)),
                             validFrom: Fixtures.day("2022-01-01"))
        expectServiceError(.validation, field: "publicKey") { try SigningKeyRules.validate(key, in: state, at: .root) }
        key.publicKey = String(repeating: "xy", count: 32)
        expectServiceError(.validation, field: "publicKey") { try SigningKeyRules.validate(key, in: state, at: .root) }
        key.publicKey = key32.uppercased()
        expectServiceError(.conflict, field: "publicKey") { try SigningKeyRules.validate(key, in: state, at: .root) }
        key.publicKey = String(repeating: "1e", count: 32)
        key.validTo = Fixtures.day("2021-12-31")
        expectServiceError(.validation, field: "validTo") { try SigningKeyRules.validate(key, in: state, at: .root) }
        key.validTo = nil
        key.revokedOn = Fixtures.day("2021-06-01")
        key.revocationReason = "lost"
        expectServiceError(.validation, field: "revokedOn") { try SigningKeyRules.validate(key, in: state, at: .root) }
        key.revokedOn = Fixtures.day("2022-06-01")
        key.revocationReason = nil
        expectServiceError(.validation, field: "revocationReason") {
            try SigningKeyRules.validate(key, in: state, at: .root)
        }
        key.person = "nobody"
        expectServiceError(.notFound, field: "person") { try SigningKeyRules.validate(key, in: state, at: .root) }
    }

    @Test("Yearly keys: the party must exist, the value not be negative, the reference date near the year, a source named")
    func yearlyKeyRules() throws {
        let state = try Fixtures.norrbottenState()
        var key = YearlyKey(party: "lulea", kind: .population, year: 2023, value: 79_638,
                            referenceDate: Fixtures.day("2022-12-31"), source: "SCB, folkmängd 31 december 2022")
        try YearlyKeyRules.validate(key, in: state, at: .root)
        key.value = -1
        expectServiceError(.validation, field: "value") { try YearlyKeyRules.validate(key, in: state, at: .root) }
        key.value = 79_638
        key.referenceDate = Fixtures.day("2019-12-31")
        expectServiceError(.validation, field: "referenceDate") { try YearlyKeyRules.validate(key, in: state, at: .root) }
        key.referenceDate = Fixtures.day("2024-01-01")
        expectServiceError(.validation, field: "referenceDate") { try YearlyKeyRules.validate(key, in: state, at: .root) }
        key.referenceDate = Fixtures.day("2022-12-31")
        key.source = " "
        expectServiceError(.validation, field: "source") { try YearlyKeyRules.validate(key, in: state, at: .root) }
        key.party = "umea"
        expectServiceError(.notFound, field: "party") { try YearlyKeyRules.validate(key, in: state, at: .root) }
    }
}
