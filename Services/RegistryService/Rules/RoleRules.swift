import KansliProtocol
import RegistryAPI

/// Rules for the presidium: only a ledamot can be chair or vice chair, for days on which they are
/// a ledamot; one chair and one vice chair at a time, and never the same person as both.
public enum RoleRules {
    /// Checks `assignment` within the committee in `state` (where it may already be stored).
    public static func validate(_ assignment: RoleAssignment, in state: CommitteeState, at path: FieldPath)
        throws(ServiceError)
    {
        try TextRules.id(assignment.id, field: path("id"), kind: "role assignment")
        guard state.person(assignment.person) != nil else {
            throw state.missing("person", assignment.person, field: path("person"))
        }
        let name = state.name(ofPerson: assignment.person)
        let role = describe(assignment.role)
        try TextRules.ordered(from: assignment.from, to: assignment.to, field: path("to"), what: "the \(role) role")

        // The ledamot appointments must cover every day of the role, back to back.
        let ledamot = state.appointments(ofPerson: assignment.person)
            .filter { $0.kind == .ledamot }
            .sorted { $0.from < $1.from }
        guard ledamot.contains(where: { $0.holds(on: assignment.from) }) else {
            let held = state.appointment(ofPerson: assignment.person, on: assignment.from)
            let what = held.map { "is \($0.kind.rawValue) for \(state.name(ofParty: $0.party))" }
                ?? "holds no appointment"
            throw .validation(
                "\(name) \(what) on \(assignment.from): only a ledamot can be \(role)", field: path("person"))
        }
        var coveredTo = assignment.from.adding(days: -1)
        for appointment in ledamot where appointment.from <= coveredTo.adding(days: 1) && appointment.to > coveredTo {
            coveredTo = appointment.to
        }
        guard coveredTo >= assignment.to else {
            throw .validation(
                "\(name) is a ledamot only until \(coveredTo); the \(role) role cannot run to \(assignment.to)",
                field: path("to"))
        }

        for other in state.file.roles where other.id != assignment.id && other.span.overlaps(assignment.span) {
            if other.role == assignment.role {
                throw .conflict(
                    "\(state.name(ofPerson: other.person)) is \(role) \(other.span) (\(other.id)); a committee has "
                        + "one \(role) at a time", field: path("from"))
            }
            if other.person == assignment.person {
                throw .conflict(
                    "\(name) is \(describe(other.role)) \(other.span) (\(other.id)) and cannot be \(role) at the "
                        + "same time", field: path("role"))
            }
        }
    }

    /// The role as a person says it.
    static func describe(_ role: CommitteeRole) -> String {
        switch role {
        case .chair: "chair (ordförande)"
        case .viceChair: "vice chair (vice ordförande)"
        }
    }
}
