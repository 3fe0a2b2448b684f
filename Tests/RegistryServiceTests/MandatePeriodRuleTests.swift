import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

/// A committee's mandate periods follow the terms of office after general elections unless the
/// committee says otherwise (`Committee.mandatePeriodRule`).
@Suite("Mandate periods and election terms")
struct MandatePeriodRuleTests {
    @Test("2011-2014, 2015-2018, 2019-2022 and 2023-2026 are election terms; 2020-2023, 2019-2021 are not")
    func electionTerms() throws {
        for text in ["2011-2014", "2015-2018", "2019-2022", "2023-2026"] {
            #expect(try MandatePeriod(parsing: text).isElectionTerm, "\(text)")
        }
        for text in ["2020-2023", "2019-2021", "2022-2022", "1991-1994"] {
            #expect(try !MandatePeriod(parsing: text).isElectionTerm, "\(text)")
        }
        #expect(MandatePeriod.electionTerm(containing: 2021)?.description == "2019-2022")
        #expect(MandatePeriod.electionTerm(containing: 2014)?.description == "2011-2014")
    }

    /// Norrbotten with Isak Utsi's appointment in the period 2020-2023 (inside it, from 2020).
    static func offTerm() throws -> CommitteeFile {
        try Fixtures.norrbotten().replacingAppointment("isak-utsi-2019") {
            $0.mandatePeriod = MandatePeriod("2020-2023")!
            $0.from = Fixtures.day("2020-01-01")
        }
    }

    @Test("An appointment for 2020-2023 is validation at mandatePeriod, naming the term 2019-2022 and the option")
    func offTermRefused() throws {
        // Isak Utsi's is the file's first appointment.
        let error = expectServiceError(.validation, field: "appointments[0].mandatePeriod") {
            try CommitteeValidator.validateFile(Self.offTerm())
        }
        #expect(error?.message.contains("the term of 2020 is 2019-2022") == true)
        #expect(error?.message.contains("--mandate-periods any") == true)
    }

    @Test("A committee whose rule is any accepts 2020-2023")
    func anyPeriod() throws {
        var file = try Self.offTerm()
        file.committee.mandatePeriodRule = .any
        // His pairing and vice chair role start in 2019 too: they move with the appointment.
        file.pairings = file.pairings.map { pairing in
            var pairing = pairing
            if pairing.ledamot == "isak-utsi-2019" { pairing.from = Fixtures.day("2020-01-01") }
            return pairing
        }
        file.roles = file.roles.map { role in
            var role = role
            if role.person == "isak-utsi" { role.from = Fixtures.day("2020-01-01") }
            return role
        }
        try CommitteeValidator.validateFile(file)
    }
}
