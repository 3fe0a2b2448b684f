import Foundation
import Testing

@testable import RegistryAPI

@Suite("OrganisationNumber")
struct OrganisationNumberTests {
    @Test("212000-2627 is valid, with or without the hyphen, and prints canonically")
    func validNumberParsesInBothForms() throws {
        let hyphenated = try OrganisationNumber(parsing: "212000-2627")
        let plain = try OrganisationNumber(parsing: "2120002627")
        #expect(hyphenated == plain)
        #expect(plain.description == "212000-2627")
        #expect(plain.digits == "2120002627")
        #expect(try OrganisationNumber(parsing: "  212000-2742\n").description == "212000-2742")
    }

    @Test("The seeds' verified numbers are valid: Luleå, Boden, Piteå, Region Jämtland Härjedalen",
          arguments: ["212000-2742", "212000-2767", "212000-2759", "232100-0214", "212000-2783"])
    func realNumbersAreValid(_ text: String) {
        #expect(OrganisationNumber.isValid(text))
    }

    @Test("A changed last digit fails the Luhn check, and the message says which digit is expected")
    func changedCheckDigitIsRejected() {
        #expect(throws: FormatError.self) { try OrganisationNumber(parsing: "212000-2628") }
        do {
            _ = try OrganisationNumber(parsing: "212000-2628")
        } catch {
            #expect(error.message.contains("check digit is 8"))
            #expect(error.message.contains("is 7"))
        }
    }

    @Test("Any single changed digit of 212000-2627 is detected")
    func everySingleDigitErrorIsDetected() {
        let digits = Array("2120002627")
        for position in digits.indices {
            for replacement in "0123456789" where replacement != digits[position] {
                var changed = digits
                changed[position] = replacement
                #expect(!OrganisationNumber.isValid(String(changed)), "\(String(changed)) should be invalid")
            }
        }
    }

    @Test("Swapping two adjacent different digits is detected")
    func adjacentTranspositionIsDetected() {
        // 212000-2627 → 212000-6227 (positions 6 and 7 swapped).
        #expect(!OrganisationNumber.isValid("212000-6227"))
        #expect(!OrganisationNumber.isValid("122000-2627"))
    }

    @Test("A third digit below 2 is a personnummer, not an organisationsnummer")
    func personnummerShapeIsRejected() {
        do {
            _ = try OrganisationNumber(parsing: "800101-1234")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("third digit"))
        }
    }

    @Test("Malformed text is rejected with the expected shape in the message",
          arguments: ["", "21200-2627", "212000 2627", "212000-262", "2120002627x", "abcdef-ghij", "212000--2627",
                      "16212000-2627"])
    func malformedTextIsRejected(_ text: String) {
        do {
            _ = try OrganisationNumber(parsing: text)
            Issue.record("\"\(text)\" should be rejected")
        } catch {
            #expect(error.message.contains("NNNNNN-NNNN"))
        }
    }

    @Test("It encodes as its canonical string and refuses an invalid one when decoding")
    func codableUsesCanonicalText() throws {
        let number = try OrganisationNumber(parsing: "2120002742")
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == "[\"212000-2742\"]")
        #expect(try JSONDecoder().decode([OrganisationNumber].self, from: data) == [number])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([OrganisationNumber].self, from: Data("[\"212000-2743\"]".utf8))
        }
    }
}
