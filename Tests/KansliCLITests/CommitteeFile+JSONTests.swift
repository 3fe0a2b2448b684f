import Foundation
import KansliProtocol
import RegistryAPI
import Testing
@testable import KansliCLI

/// The committee file's JSON form, written and read by the CLI (CommitteeFile+JSON.swift).
@Suite("CommitteeFile as JSON")
struct CommitteeFileJSONTests {
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

    @Test("The shipped data files decode and re-encode to exactly their own bytes",
          arguments: ["norrbotten-e-namnd.json", "jamtland-gns.json"])
    func shippedFilesAreCanonical(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/seed-data/\(name)")
        let data = try Data(contentsOf: url)
        let file = try CommitteeFile(jsonData: data)
        #expect(try file.jsonData() == data, "re-encode \(name) with CommitteeFile.jsonData()")
    }

    @Test("A hand-written file with lists left out reads through init(jsonData:)")
    func minimalFileReads() throws {
        let json = #"{"formatVersion": 1, "committee": {"code": "GNS", "name": "n", "shortName": "s", "caseNumberFormat": "{serial}"}}"#
        let file = try CommitteeFile(jsonData: Data(json.utf8))
        #expect(file.counts == RecordCounts())
        #expect(try CommitteeFile(jsonData: file.jsonData()) == file)
    }
}
