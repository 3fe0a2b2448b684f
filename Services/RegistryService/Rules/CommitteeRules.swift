import KansliProtocol
import RegistryAPI

/// Rules for the committee record itself.
public enum CommitteeRules {
    /// The most notes a committee may carry.
    public static let maxNotes = 50

    /// Checks `committee`'s own fields: code, names, case-number format, dates, notes.
    public static func validate(_ committee: Committee, at path: FieldPath) throws(ServiceError) {
        try TextRules.committeeCode(committee.code, field: path("code"))
        try TextRules.required(committee.name, field: path("name"), what: "the committee's name")
        try TextRules.required(committee.shortName, field: path("shortName"), what: "the committee's short name",
                               maxLength: 60)
        do {
            _ = try CaseNumberFormat(parsing: committee.caseNumberFormat)
        } catch {
            throw .validation(error.message, field: path("caseNumberFormat"))
        }
        if let established = committee.establishedOn {
            try TextRules.ordered(from: established, to: committee.endedOn, field: path("endedOn"),
                                  what: "the committee")
        }
        guard committee.notes.count <= maxNotes else {
            throw .validation("a committee may carry at most \(maxNotes) notes, got \(committee.notes.count)",
                              field: path("notes"))
        }
        for (index, note) in committee.notes.enumerated() {
            try TextRules.required(note, field: path("notes[\(index)]"), what: "a note",
                                   maxLength: TextRules.maxNoteLength)
        }
    }
}
