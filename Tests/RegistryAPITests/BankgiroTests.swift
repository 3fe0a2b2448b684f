import Testing

@testable import RegistryAPI

@Suite("Bankgiro")
struct BankgiroTests {
    @Test("Eight- and seven-digit numbers with a valid check digit parse and print with the hyphen before the last four")
    func validNumbersParse() throws {
        #expect(try Bankgiro(parsing: "5050-1055").description == "5050-1055")
        #expect(try Bankgiro(parsing: "50501055").description == "5050-1055")
        #expect(try Bankgiro(parsing: "123-4566").description == "123-4566")
    }

    @Test("A wrong check digit is rejected")
    func wrongCheckDigitIsRejected() {
        #expect(Bankgiro("5050-1056") == nil)
        do {
            _ = try Bankgiro(parsing: "5050-1056")
        } catch {
            #expect(error.message.contains("check digit"))
        }
    }

    @Test("Wrong shapes are rejected", arguments: ["", "505-01055", "5050-105", "505010551", "5050-10a5"])
    func wrongShapesAreRejected(_ text: String) {
        #expect(Bankgiro(text) == nil)
    }
}
