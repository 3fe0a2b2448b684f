import Foundation
import KansliProtocol
import Testing

@testable import RegistryAPI

/// CommitteeFile's own decoding rules (defaults for what a hand-written file leaves out), read
/// with Foundation's JSONDecoder here; the CLI's JSON form is tested in KansliCLITests.
@Suite("CommitteeFile")
struct CommitteeFileTests {
    @Test("Lists, notes, seats, host flag, invoicing and illustrative may be left out of a hand-written file")
    func minimalFileDecodesWithDefaults() throws {
        let json = """
            {"formatVersion": 1,
             "committee": {"code": "GNS", "name": "Gemensam nämnd för samverkan", "shortName": "GNS",
                           "caseNumberFormat": "GNS/{serial}/{year}"},
             "parties": [{"code": "are", "name": "Åre kommun", "kind": "kommun",
                          "organisationNumber": "212000-2627", "joinedOn": "2017-01-01"}],
             "yearlyKeys": [{"party": "are", "kind": "population", "year": 2020, "value": 11000,
                             "referenceDate": "2019-12-31", "source": "SCB"}]}
            """
        let file = try JSONDecoder().decode(CommitteeFile.self, from: Data(json.utf8))
        #expect(file.committee.notes.isEmpty)
        #expect(file.persons.isEmpty && file.appointments.isEmpty && file.signingKeys.isEmpty)
        #expect(file.parties[0].isHost == false)
        #expect(file.parties[0].memberSeats == 1 && file.parties[0].substituteSeats == 1)
        #expect(file.parties[0].invoicing.isEmpty)
        #expect(file.yearlyKeys[0].illustrative == false)
        #expect(file.counts == RecordCounts(parties: 1, yearlyKeys: 1))
    }

    @Test("A malformed date or enum value fails to decode with a DecodingError")
    func malformedValuesFailToDecode() {
        let badDate = """
            {"formatVersion": 1, "committee": {"code": "GNS", "name": "n", "shortName": "s",
             "caseNumberFormat": "{serial}", "establishedOn": "2017-02-30"}}
            """
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CommitteeFile.self, from: Data(badDate.utf8)) }
        let badKind = """
            {"formatVersion": 1, "committee": {"code": "GNS", "name": "n", "shortName": "s",
             "caseNumberFormat": "{serial}"}, "parties": [{"code": "x", "name": "X", "kind": "county",
             "organisationNumber": "212000-2627", "joinedOn": "2017-01-01"}]}
            """
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CommitteeFile.self, from: Data(badKind.utf8)) }
    }
}
