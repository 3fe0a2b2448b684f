import KansliPlatform
import KansliProtocol

/// A Swedish *organisationsnummer*: the ten-digit identity of a legal person such as a
/// municipality (`212000-2742`, Luleå kommun) or a region (`232100-0214`, Region Jämtland
/// Härjedalen).
///
/// Parsing accepts `NNNNNN-NNNN` or ten digits, with surrounding white space, and checks two
/// things the law prescribes (lag 1974:174 om identitetsbeteckning för juridiska personer): the
/// third digit is at least 2, so the number cannot be mistaken for a personnummer, and the last
/// digit is the Luhn check digit of the other nine. The canonical form is `NNNNNN-NNNN`.
public struct OrganisationNumber: Hashable, Sendable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// The ten digits, without the hyphen.
    public let digits: String

    /// Parses `text`; throws a `FormatError` that quotes the text and says what is wrong.
    public init(parsing text: String) throws(FormatError) {
        let trimmed = text.trimmingWhitespace()
        let body: Substring
        let bytes = Array(trimmed.utf8)
        if bytes.count == 11, bytes[6] == UInt8(ascii: "-") {
            body = Substring(String(trimmed.prefix(6)) + String(trimmed.suffix(4)))
        } else {
            body = Substring(trimmed)
        }
        guard body.utf8.count == 10, let values = Luhn.digits(of: body) else {
            throw FormatError(
                "\(ServiceError.quote(text)) is not an organisationsnummer: expected ten digits written NNNNNN-NNNN "
                    + "or NNNNNNNNNN, e.g. 212000-2742")
        }
        guard values[2] >= 2 else {
            throw FormatError(
                "\(ServiceError.quote(text)) is not an organisationsnummer: its third digit is \(values[2]), but an "
                    + "organisationsnummer's third digit is at least 2 (a lower one is a personnummer's month)")
        }
        let expected = Luhn.checkDigit(for: Array(values.prefix(9)))
        guard expected == values[9] else {
            throw FormatError(
                "\(ServiceError.quote(text)) is not a valid organisationsnummer: its check digit is \(values[9]) but the "
                    + "Luhn check digit of the first nine digits is \(expected); a digit is mistyped")
        }
        digits = String(body)
    }

    /// Parses `text`, or nil when it is not a valid organisationsnummer.
    public init?(_ description: String) {
        guard let value = try? OrganisationNumber(parsing: description) else { return nil }
        self = value
    }

    /// Whether `text` parses as a valid organisationsnummer.
    public static func isValid(_ text: String) -> Bool {
        OrganisationNumber(text) != nil
    }

    /// The canonical form `NNNNNN-NNNN`.
    public var description: String {
        "\(digits.prefix(6))-\(digits.suffix(4))"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try OrganisationNumber(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
