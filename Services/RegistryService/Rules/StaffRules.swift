import KansliProtocol
import RegistryAPI

/// Rules for staff assignments: the person exists, the dates are in order, and a person does not
/// hold the same staff role twice at once.
public enum StaffRules {
    /// Checks `assignment` within the committee in `state` (where it may already be stored).
    public static func validate(_ assignment: StaffAssignment, in state: CommitteeState, at path: FieldPath)
        throws(ServiceError)
    {
        try TextRules.id(assignment.id, field: path("id"), kind: "staff assignment")
        guard state.person(assignment.person) != nil else {
            throw state.missing("person", assignment.person, field: path("person"))
        }
        try TextRules.optional(assignment.title, field: path("title"), what: "the title")
        try TextRules.optional(assignment.organisation, field: path("organisation"), what: "the organisation")
        let name = state.name(ofPerson: assignment.person)
        if assignment.isExternal, assignment.organisation == nil {
            throw .validation(
                "\(name) is an external consultant: name the firm they come from (organisation), e.g. Evado",
                field: path("organisation"))
        }
        try TextRules.ordered(from: assignment.from, to: assignment.to, field: path("to"),
                              what: "\(name)'s staff assignment")
        if let left = state.person(assignment.person)?.leftOn, assignment.to.map({ $0 > left }) ?? true {
            throw .validation(
                "\(name) left \(state.code) after \(left); \(name)'s staff assignment \(assignment.id) cannot run "
                    + (assignment.to.map { "to \($0)" } ?? "on") + ": end it first (kansli registry staff end "
                    + "\(state.code) \(assignment.id) --last-day \(left))", field: path("to"))
        }
        if let established = state.committee.establishedOn, assignment.from < established {
            throw .validation(
                "\(state.code) was established on \(established); staff cannot serve it from \(assignment.from)",
                field: path("from"))
        }
        for other in state.file.staff
        where other.id != assignment.id && other.person == assignment.person && other.role == assignment.role
            && other.span.overlaps(assignment.span)
        {
            throw .conflict(
                "\(name) is already \(assignment.role.rawValue) \(other.span) (\(other.id))", field: path("from"))
        }
    }
}
