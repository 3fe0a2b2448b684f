import Foundation
import KansliProtocol
import Testing

@testable import RegistryAPI

@Suite("CommitteeFile")
struct CommitteeFileTests {
    /// A small document with one record of every kind, using seed 002's names.
    static func sample() -> CommitteeFile {
        let period = MandatePeriod("2019-2022")!
        let from = CalendarDate("2019-01-01")!, to = CalendarDate("2022-12-31")!
        return CommitteeFile(
            committee: Committee(code: "NBE", name: "Norrbottens e-nämnd", shortName: "E-nämnden",
                                 caseNumberFormat: "{year}/{serial}-{class}", notes: ["from seed 002"]),
            parties: [
                Party(code: "lulea", name: "Luleå kommun", kind: .kommun, organisationNumber: "212000-2742",
                      isHost: true, joinedOn: CalendarDate("2014-01-01")!,
                      invoicing: InvoiceDetails(address: PostalAddress(lines: ["Luleå kommun", "Ekonomicenter"],
                                                                       postalCode: "971 85", city: "Luleå"),
                                                buyerReference: "E-nämnden", peppolID: "0007:2120002742",
                                                bankgiro: "5050-1055")),
                Party(code: "boden", name: "Bodens kommun", kind: .kommun, organisationNumber: "212000-2767",
                      joinedOn: CalendarDate("2014-01-01")!, note: "checked"),
            ],
            yearlyKeys: [YearlyKey(party: "lulea", kind: .population, year: 2022, value: 115_900,
                                   referenceDate: CalendarDate("2021-12-31")!, source: "illustrative", illustrative: true)],
            persons: [Person(id: "lena-goldkuhl", name: "Lena Goldkuhl"),
                      Person(id: "johan-johansson", name: "Johan Johansson", email: "johan@example.se"),
                      Person(id: "robert-karlsson", name: "Robert Karlsson")],
            appointments: [
                Appointment(id: "lena-goldkuhl-2019", person: "lena-goldkuhl", party: "boden", kind: .ledamot,
                            politicalParty: "S", mandatePeriod: period, from: from, to: to),
                Appointment(id: "johan-johansson-2019", person: "johan-johansson", party: "boden", kind: .ersattare,
                            politicalParty: "MP", mandatePeriod: period, from: from, to: to, note: "serves 2022-06-22"),
            ],
            roles: [RoleAssignment(id: "chair-lena-goldkuhl-2019", person: "lena-goldkuhl", role: .chair, from: from,
                                   to: to)],
            staff: [StaffAssignment(id: "secretary-robert-karlsson", person: "robert-karlsson", role: .secretary,
                                    title: "nämndsekreterare", from: CalendarDate("2022-01-01")!)],
            pairings: [SubstitutePairing(id: "johan-johansson-for-lena-goldkuhl", substitute: "johan-johansson-2019",
                                         ledamot: "lena-goldkuhl-2019", from: from, to: to)],
            signingKeys: [SigningKey(id: "robert-karlsson-key-1", person: "robert-karlsson",
                                     publicKey: String(repeating: "ab", count: 32), validFrom: from,
                                     revokedOn: CalendarDate("2022-08-01")!, revocationReason: "lost device")])
    }

    @Test("Encoding to JSON and decoding gives the same document")
    func jsonRoundTrip() throws {
        let file = Self.sample()
        let data = try file.jsonData()
        #expect(try CommitteeFile(jsonData: data) == file)
        // Encoding is deterministic: the same content gives the same bytes.
        #expect(try CommitteeFile(jsonData: data).jsonData() == data)
    }

    @Test("The JSON has sorted keys, yyyy-MM-dd dates, unescaped slashes and a final newline")
    func jsonLayout() throws {
        let text = String(decoding: try Self.sample().jsonData(), as: UTF8.self)
        #expect(text.contains("\"2019-01-01\""))
        #expect(text.contains("\"2019-2022\""))
        #expect(text.contains("{year}/{serial}-{class}"))
        #expect(text.hasSuffix("}\n"))
        let appointments = try #require(text.range(of: "\"appointments\""))
        let committee = try #require(text.range(of: "\"committee\""))
        let yearlyKeys = try #require(text.range(of: "\"yearlyKeys\""))
        #expect(appointments.lowerBound < committee.lowerBound)
        #expect(committee.lowerBound < yearlyKeys.lowerBound)
    }

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
        let file = try CommitteeFile(jsonData: Data(json.utf8))
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
        #expect(throws: DecodingError.self) { try CommitteeFile(jsonData: Data(badDate.utf8)) }
        let badKind = """
            {"formatVersion": 1, "committee": {"code": "GNS", "name": "n", "shortName": "s",
             "caseNumberFormat": "{serial}"}, "parties": [{"code": "x", "name": "X", "kind": "county",
             "organisationNumber": "212000-2627", "joinedOn": "2017-01-01"}]}
            """
        #expect(throws: DecodingError.self) { try CommitteeFile(jsonData: Data(badKind.utf8)) }
    }

    @Test("The shipped data files decode and re-encode to exactly their own bytes",
          arguments: ["norrbotten-e-namnd.json", "jamtland-gns.json"])
    func shippedFilesAreCanonical(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/seed-data/\(name)")
        let data = try Data(contentsOf: url)
        let file = try CommitteeFile(jsonData: data)
        #expect(try file.jsonData() == data, "re-encode \(name) with CommitteeFile.jsonData()")
    }
}
