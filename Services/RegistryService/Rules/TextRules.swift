import KansliProtocol
import RegistryAPI

/// Checks shared by the record rules: codes and ids, non-blank bounded text, date order.
enum TextRules {
    /// The longest name, title or note accepted, in characters.
    static let maxTextLength = 200
    /// The longest note accepted, in characters.
    static let maxNoteLength = 2_000

    /// `text` must be a record id.
    static func id(_ text: String, field: String, kind: String) throws(ServiceError) {
        do {
            try RecordID.validate(text)
        } catch {
            throw .validation("the \(kind) id \(error.message)", field: field)
        }
    }

    /// `text` must be a committee code.
    /// A committee code as a request names an existing committee: any case (`nbe` is NBE), as a
    /// person types it; `committeeCode` is what a new committee's code must be.
    static func committeeReference(_ text: String, field: String) throws(ServiceError) {
        guard (try? CommitteeCode.validate(text.uppercased())) == nil else { return }
        try committeeCode(text, field: field)  // the refusal quotes the text as it was sent
    }

    static func committeeCode(_ text: String, field: String) throws(ServiceError) {
        do {
            try CommitteeCode.validate(text)
        } catch {
            throw .validation(error.message, field: field)
        }
    }

    /// `text` must have a non-blank character and at most `maxLength` characters.
    static func required(_ text: String, field: String, what: String, maxLength: Int = maxTextLength)
        throws(ServiceError)
    {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw .validation("\(what) must not be empty", field: field)
        }
        try optional(text, field: field, what: what, maxLength: maxLength)
    }

    /// `text`, when present, must have at most `maxLength` characters and no control characters
    /// other than line breaks.
    static func optional(_ text: String?, field: String, what: String, maxLength: Int = maxTextLength)
        throws(ServiceError)
    {
        guard let text else { return }
        guard text.count <= maxLength else {
            throw .validation("\(what) is \(text.count) characters; at most \(maxLength) are allowed", field: field)
        }
        let hasControl = text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
        guard !hasControl else {
            throw .validation("\(what) contains a control character", field: field)
        }
    }

    /// The last day must not come before the first.
    static func ordered(from: CalendarDate, to: CalendarDate?, field: String, what: String) throws(ServiceError) {
        guard let to, to < from else { return }
        throw .validation("\(what) ends on \(to), before it starts on \(from)", field: field)
    }
}
