import KansliProtocol
import RegistryAPI

/// Rules for a person's own fields. Whether a person sits twice in the committee at once is an
/// appointment rule; that a person is in the list twice is found by `CommitteeValidator`.
public enum PersonRules {
    /// Checks `person`'s fields.
    public static func validate(_ person: Person, at path: FieldPath) throws(ServiceError) {
        try TextRules.id(person.id, field: path("id"), kind: "person")
        try TextRules.required(person.name, field: path("name"), what: "the person's name")
        if let email = person.email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(" "),
                email.count <= 254
            else {
                throw .validation("\(ServiceError.quote(email)) is not an e-mail address", field: path("email"))
            }
        }
        if let phone = person.phone {
            let allowed = phone.allSatisfy { $0.isASCII && ($0.isNumber || " +-()".contains($0)) }
            guard allowed, phone.contains(where: \.isNumber), phone.count <= 30 else {
                throw .validation(
                    "\(ServiceError.quote(phone)) is not a telephone number: use digits, spaces, +, - and parentheses",
                    field: path("phone"))
            }
        }
        try TextRules.optional(person.note, field: path("note"), what: "the note", maxLength: TextRules.maxNoteLength)
    }
}
