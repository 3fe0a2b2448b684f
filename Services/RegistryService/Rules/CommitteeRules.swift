import KansliProtocol
import RegistryAPI

/// Rules for the committee record itself.
public enum CommitteeRules {
    /// The most notes a committee may carry.
    public static let maxNotes = 50
    /// The most local political parties a committee may list.
    public static let maxLocalPoliticalParties = 50

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
        try validateLocalPoliticalParties(committee.localPoliticalParties ?? [], at: path)
    }

    /// Checks the committee's local political parties: names of 1–60 characters, none of them a
    /// national party under another spelling, none listed twice (in any case).
    static func validateLocalPoliticalParties(_ parties: [String], at path: FieldPath) throws(ServiceError) {
        guard parties.count <= maxLocalPoliticalParties else {
            throw .validation("a committee may list at most \(maxLocalPoliticalParties) local political parties, got "
                                  + "\(parties.count)", field: path("localPoliticalParties"))
        }
        var seen: Set<String> = []
        for (index, name) in parties.enumerated() {
            let field = path("localPoliticalParties[\(index)]")
            try TextRules.required(name, field: field, what: "a local political party's name",
                                   maxLength: AppointmentRules.maxPoliticalPartyLength)
            if let national = PoliticalParties.nationalParty(name) {
                throw .validation("\(ServiceError.quote(name)) is the national party \(national), not a local one: "
                                      + "leave it out", field: field)
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw .conflict("the local political party \(ServiceError.quote(name)) is listed twice", field: field)
            }
        }
    }
}
