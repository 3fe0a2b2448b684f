import KansliPlatform
import KansliProtocol

/// A Swedish *bankgironummer*: seven or eight digits, written `NNN-NNNN` or `NNNN-NNNN`, the last
/// of which is a Luhn check digit. The host party's bankgiro goes on every invoice of the committee.
public struct Bankgiro: Hashable, Sendable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The seven or eight digits, without the hyphen.
    public let digits: String

    /// Parses `text` (with or without the hyphen); throws a `FormatError` saying what is wrong.
    public init(parsing text: String) throws(FormatError) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let body: String
        switch parts.count {
        case 1: body = trimmed
        case 2 where parts[1].utf8.count == 4 && (3...4).contains(parts[0].utf8.count):
            body = String(parts[0]) + String(parts[1])
        default: body = ""
        }
        guard (7...8).contains(body.utf8.count), let values = Luhn.digits(of: Substring(body)) else {
            throw FormatError(
                "\(ServiceError.quote(text)) is not a bankgiro number: expected seven or eight digits written NNN-NNNN "
                    + "or NNNN-NNNN, e.g. 5050-1055")
        }
        guard Luhn.isValid(values) else {
            let expected = Luhn.checkDigit(for: Array(values.dropLast()))
            throw FormatError(
                "\(ServiceError.quote(text)) is not a valid bankgiro number: its check digit is \(values.last ?? 0) but the "
                    + "Luhn check digit of the others is \(expected); a digit is mistyped")
        }
        digits = body
    }

    /// Parses `text`, or nil when it is not a valid bankgiro number.
    public init?(_ description: String) {
        guard let value = try? Bankgiro(parsing: description) else { return nil }
        self = value
    }

    /// The canonical form: the last four digits after a hyphen.
    public var description: String {
        "\(digits.dropLast(4))-\(digits.suffix(4))"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Bankgiro(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
