import Testing

@testable import RegistryAPI

@Suite("RecordID and CommitteeCode")
struct RecordIDTests {
    @Test("Slugs fold Swedish letters and separate words with single hyphens",
          arguments: [("Övertorneå", "overtornea"), ("Inga Savilahti Häggbo", "inga-savilahti-haggbo"),
                      ("Ann-Marie Johansson", "ann-marie-johansson"), ("Region Jämtland Härjedalen",
                      "region-jamtland-harjedalen"), ("  Lisa  Lundgren ", "lisa-lundgren"), ("§§", "x")])
    func slugsAreTypeable(_ name: String, _ slug: String) {
        #expect(RecordID.slug(from: name) == slug)
        #expect(RecordID.isValid(RecordID.slug(from: name)))
    }

    @Test("Valid and invalid ids")
    func idFormat() {
        for valid in ["lulea", "isak-utsi-2019", "a", "x1"] { #expect(RecordID.isValid(valid), "\(valid)") }
        for invalid in ["", "Lulea", "-a", "a-", "a--b", "luleå", "a b", String(repeating: "a", count: 65)] {
            #expect(!RecordID.isValid(invalid), "\(invalid)")
        }
    }

    @Test("A very long name makes a slug of at most 64 characters without a trailing hyphen")
    func longSlugIsCut() {
        let slug = RecordID.slug(from: String(repeating: "abc ", count: 40))
        #expect(slug.count <= RecordID.maxLength)
        #expect(RecordID.isValid(slug))
    }

    @Test("Committee codes: NBE and GNS are valid; lower case, leading digit or one letter are not")
    func committeeCodes() {
        #expect(CommitteeCode.isValid("NBE"))
        #expect(CommitteeCode.isValid("GNS"))
        #expect(CommitteeCode.isValid("NBE-2"))
        for invalid in ["nbe", "N", "1NB", "NBE_X", "ABCDEFGHIJKLMNOPQ"] { #expect(!CommitteeCode.isValid(invalid)) }
    }
}
