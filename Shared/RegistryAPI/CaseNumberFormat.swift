import KansliProtocol

/// The template a committee's case numbers (*ärendenummer*, *diarienummer*) follow, such as
/// `{year}/{serial}-{class}` (Norrbotten: `2022/9-2.2.0.1`) or `GNS/{serial}/{year}`
/// (Jämtland: `GNS/3/2019`).
///
/// Placeholders: `{year}` the four-digit year, `{serial}` the running number within the year
/// (required), `{class}` the classification code from the archive plan (*klassificeringsstruktur*).
/// Each may appear once; every other character is literal. Braces are only allowed around a
/// placeholder.
public struct CaseNumberFormat: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One piece of a template: literal text or a placeholder.
    public enum Piece: Hashable, Sendable {
        /// Text copied as it is.
        case literal(String)
        /// `{year}`.
        case year
        /// `{serial}`.
        case serial
        /// `{class}`.
        case classification
    }

    /// The longest template accepted, in characters.
    public static let maxLength = 64

    /// The template as written.
    public let template: String
    /// The template split into literal text and placeholders, in order.
    public let pieces: [Piece]

    /// Parses `template`; throws a `FormatError` naming the first problem.
    public init(parsing template: String) throws(FormatError) {
        guard !template.isEmpty, template.count <= CaseNumberFormat.maxLength else {
            throw FormatError(
                "a case-number format must be 1–\(CaseNumberFormat.maxLength) characters, "
                    + "e.g. {year}/{serial}-{class} or GNS/{serial}/{year}")
        }
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(template)
        while let character = rest.first {
            if character == "{" {
                guard let close = rest.firstIndex(of: "}") else {
                    throw FormatError("\(ServiceError.quote(template)): an opening brace has no closing brace")
                }
                let name = rest[rest.index(after: rest.startIndex)..<close]
                let piece: Piece
                switch name {
                case "year": piece = .year
                case "serial": piece = .serial
                case "class": piece = .classification
                default:
                    throw FormatError(
                        "\(ServiceError.quote(template)): unknown placeholder \(ServiceError.quote("{\(name)}")); "
                            + "use {year}, {serial} or {class}")
                }
                guard !pieces.contains(piece) else {
                    throw FormatError("\(ServiceError.quote(template)): placeholder {\(name)} appears twice")
                }
                if !literal.isEmpty {
                    pieces.append(.literal(literal))
                    literal = ""
                }
                pieces.append(piece)
                rest = rest[rest.index(after: close)...]
            } else if character == "}" {
                throw FormatError("\(ServiceError.quote(template)): a closing brace has no opening brace")
            } else if character.isNewline || character.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                throw FormatError("\(ServiceError.quote(template)): control characters are not allowed")
            } else {
                literal.append(character)
                rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        guard pieces.contains(.serial) else {
            throw FormatError("\(ServiceError.quote(template)): the format must contain {serial}, the running number")
        }
        self.template = template
        self.pieces = pieces
    }

    /// Whether the template uses `{class}`, so each case needs a classification code.
    public var needsClassification: Bool { pieces.contains(.classification) }

    /// The case number for `serial` in `year`; `classification` fills `{class}` (empty if nil).
    public func render(year: Int, serial: Int, classification: String? = nil) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): result += text
            case .year: result += String(year)
            case .serial: result += String(serial)
            case .classification: result += classification ?? ""
            }
        }
        return result
    }

    public var description: String { template }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CaseNumberFormat(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(template)
    }
}
