import Testing

@testable import RegistryAPI

@Suite("CaseNumberFormat")
struct CaseNumberFormatTests {
    @Test("Norrbotten's format renders 2022/9-2.2.0.1 (seed 002, § 8)")
    func norrbottenFormatRenders() throws {
        let format = try CaseNumberFormat(parsing: "{year}/{serial}-{class}")
        #expect(format.render(year: 2022, serial: 9, classification: "2.2.0.1") == "2022/9-2.2.0.1")
        #expect(format.needsClassification)
    }

    @Test("Jämtland's format renders GNS/3/2019 (seed 001)")
    func jamtlandFormatRenders() throws {
        let format = try CaseNumberFormat(parsing: "GNS/{serial}/{year}")
        #expect(format.render(year: 2019, serial: 3) == "GNS/3/2019")
        #expect(!format.needsClassification)
        #expect(format.pieces == [.literal("GNS/"), .serial, .literal("/"), .year])
    }

    @Test("Templates without {serial}, with unknown, repeated or unbalanced placeholders are rejected",
          arguments: ["{year}", "{year}/{nr}", "{serial}-{serial}", "{serial", "serial}", "", "GNS/{serial}\n"])
    func badTemplatesAreRejected(_ template: String) {
        #expect(throws: FormatError.self) { try CaseNumberFormat(parsing: template) }
    }

    @Test("A template longer than the limit is rejected")
    func overlongTemplateIsRejected() {
        let long = String(repeating: "x", count: CaseNumberFormat.maxLength) + "{serial}"
        #expect(throws: FormatError.self) { try CaseNumberFormat(parsing: long) }
    }
}
