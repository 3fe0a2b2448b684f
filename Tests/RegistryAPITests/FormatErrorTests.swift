import KansliProtocol
import Testing

@testable import RegistryAPI

/// The formats' errors quote the text they refuse only shortened (`ServiceError.quote`): the text
/// is client input, and a 1 MiB value must not make a 1 MiB message. Normal-length values are still
/// quoted whole, so the message stays as helpful as before.
@Suite("FormatError messages quote their input shortened")
struct FormatErrorTests {
    /// One MiB, the protocol's longest string.
    static let huge = 1 << 20

    /// The message `parse` throws for `text`, or nil (recorded as an issue) if it does not throw.
    static func message(_ text: String, sourceLocation: SourceLocation = #_sourceLocation,
                        _ parse: (String) throws(FormatError) -> Void) -> String? {
        do {
            try parse(text)
            Issue.record("\(text.prefix(40)) was accepted", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.message
        }
    }

    /// The formats whose errors quote the refused text.
    static let formats = ["organisationsnummer", "bankgiro", "mandate period", "record id", "committee code",
                          "case-number format"]

    /// Parses `text` as the format named `name`.
    static func parse(_ name: String, _ text: String) throws(FormatError) {
        switch name {
        case "organisationsnummer": _ = try OrganisationNumber(parsing: text)
        case "bankgiro": _ = try Bankgiro(parsing: text)
        case "mandate period": _ = try MandatePeriod(parsing: text)
        case "record id": try RecordID.validate(text)
        case "committee code": try CommitteeCode.validate(text)
        default: _ = try CaseNumberFormat(parsing: text)
        }
    }

    @Test("A 1 MiB value is refused with a message under 300 bytes, for every format", arguments: formats)
    func hugeValueShortMessage(_ name: String) throws {
        // Digits, so the number formats fail on length, not on the first letter.
        let text = String(repeating: "1", count: Self.huge)
        let message = try #require(Self.message(text) { text throws(FormatError) in try Self.parse(name, text) })
        #expect(message.utf8.count < 300, "\(name): \(message.utf8.count) bytes")
        #expect(!message.contains(String(repeating: "1", count: ServiceError.quoteLimit + 1)), "\(name)")
    }

    @Test("A value of normal length is quoted whole, as before")
    func normalValueQuotedWhole() {
        #expect(Self.message("212000-2743") { text throws(FormatError) in _ = try OrganisationNumber(parsing: text) }?
            .hasPrefix("\"212000-2743\" is not a valid organisationsnummer: its check digit is 3") == true)
        #expect(Self.message("Isak Utsi") { text throws(FormatError) in try RecordID.validate(text) }
            == "\"Isak Utsi\" is not a valid id: use 1–64 lower-case letters a–z, digits and single hyphens, "
            + "starting and ending with a letter or digit, e.g. isak-utsi")
        #expect(Self.message("nbe!") { text throws(FormatError) in try CommitteeCode.validate(text) }?
            .hasPrefix("\"nbe!\" is not a valid committee code") == true)
        #expect(Self.message("2019/2022") { text throws(FormatError) in _ = try MandatePeriod(parsing: text) }
            == "\"2019/2022\" is not a mandate period: expected YYYY-YYYY, e.g. 2019-2022")
    }

    @Test("Control characters in a refused value are escaped, never copied into the message", arguments: [
        "GNS/{serial}\u{1B}[2J", "{\u{7}}/{serial}", "{serial}\n",
    ])
    func controlCharactersEscaped(_ template: String) throws {
        let message = try #require(Self.message(template) { text throws(FormatError) in
            _ = try CaseNumberFormat(parsing: text)
        })
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(message.debugDescription)")
        #expect(message.contains("\\u{"))
    }
}
