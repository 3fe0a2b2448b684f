import KansliProtocol
import RegistryAPI

/// Bounds and formats of what a request may carry, checked before anything is stored: free
/// text, clock times, ids, committee codes, years, paragraph numbers and list sizes.
enum TextRules {
    /// The longest name, title, place or list entry, in characters.
    static let maximumShortText = 200
    /// The longest free text of an agenda item or paragraph (decision, summary …), in characters.
    static let maximumLongText = 100_000
    /// The most entries of one list (agenda items, documents, recipients, ballots …).
    static let maximumEntries = 500
    /// The highest paragraph number or case serial a year may reach.
    static let maximumNumber = 10_000

    /// A committee code, in the canonical upper case the registry writes new codes in.
    static func committee(_ text: String, field: String = "committee") throws -> String {
        do {
            try CommitteeCode.validate(text.uppercased())
        } catch {
            throw ServiceError.validation("\(ServiceError.quote(text)) is not a committee code: \(error.message)", field: field)
        }
        return text.uppercased()
    }

    /// A registry person id.
    static func person(_ text: String, field: String) throws {
        do {
            try RecordID.validate(text)
        } catch {
            throw ServiceError.validation("\(ServiceError.quote(text)) is not a person id: \(error.message)", field: field)
        }
    }

    /// A year Kansli keeps minutes for.
    static func year(_ year: Int, field: String = "year") throws {
        guard (1900...2200).contains(year) else {
            throw ServiceError.validation("the year \(year) must lie between 1900 and 2200", field: field)
        }
    }

    /// A paragraph number or serial: 1…`maximumNumber`.
    static func number(_ value: Int, field: String) throws {
        guard (1...maximumNumber).contains(value) else {
            throw ServiceError.validation("\(value) is not a number between 1 and \(maximumNumber)", field: field)
        }
    }

    /// Free text that must not be blank, of at most `limit` characters, without control
    /// characters other than line feed (and, in long text, tab).
    static func text(_ value: String, field: String, limit: Int = maximumShortText) throws {
        guard !value.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) else {
            throw ServiceError.validation("\(field) must not be blank", field: field)
        }
        try optionalText(value, field: field, limit: limit)
    }

    /// Like `text`, for a field that may be absent.
    static func optionalText(_ value: String?, field: String, limit: Int = maximumShortText) throws {
        guard let value else { return }
        guard value.count <= limit else {
            throw ServiceError.validation("\(field) holds at most \(limit) characters, not \(value.count)", field: field)
        }
        let allowsTab = limit > maximumShortText
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && !(allowsTab && $0 == "\t")) || $0.value == 0x7F }) {
            throw ServiceError.validation("\(field) must not contain control characters other than line feed", field: field)
        }
    }

    /// A list of at most `maximumEntries` short texts.
    static func list(_ values: [String], field: String) throws {
        try count(values.count, field: field)
        for (index, value) in values.enumerated() { try text(value, field: "\(field)[\(index)]") }
    }

    /// A list length.
    static func count(_ count: Int, field: String) throws {
        guard count <= maximumEntries else {
            throw ServiceError.validation("\(field) holds at most \(maximumEntries) entries, not \(count)", field: field)
        }
    }

    /// A clock time `HH:MM`, 00:00–23:59.
    static func clock(_ value: String, field: String) throws {
        let digits = Array(value.utf8)
        let valid = digits.count == 5 && digits[2] == UInt8(ascii: ":")
            && [0, 1, 3, 4].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digits[$0]) }
        guard valid, let hour = Int(value.prefix(2)), let minute = Int(value.suffix(2)), hour < 24, minute < 60 else {
            throw ServiceError.validation("\(ServiceError.quote(value)) is not a time of day HH:MM, e.g. 13:00", field: field)
        }
    }
}
