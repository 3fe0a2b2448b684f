import KansliProtocol
import RegistryAPI

// What a write of one record must check besides the record itself: the records whose validity
// depends on it. A write checks these instead of the whole committee, so its cost follows what it
// touches rather than the committee's size (issue 8); `validate(_:locator:)` still checks a whole
// committee on import.
//
// Which records depend on which, as the rules read them:
// - an appointment on its person, its party (membership), and on the other appointments of its
//   party and of its person — overlaps, which are symmetric, so checking the changed appointment
//   against the others also checks them against it;
// - a role on its person's appointments (a ledamot throughout) and on the other roles (symmetric);
// - a pairing on its two appointments and on the other pairings (symmetric, the rank of an order
//   of service by the party of the other pairing's ersättare);
// - a party on the committee and the other parties (symmetric); a yearly figure, a staff
//   assignment and a signing key on their party or person existing (records are never deleted,
//   nor do ids change) and on others of their own kind (symmetric).
// - an appointment or staff assignment on its person's last day in the committee (`leftOn`).
// So a changed party can invalidate its appointments; a changed person their appointments and
// staff assignments; a changed appointment its person's roles
// and the pairings it takes part in; a role, staff assignment, pairing, person or key nothing else.
// Errors name the dependent record by id, as the whole-committee check does
// (`appointments[isak-utsi-2019].to`), and come in the order it would find them.
extension CommitteeValidator {
    /// `validation` if a create would give a committee more than `maxRecordsPerKind` records of
    /// `list`'s kind; `count` is how many it holds with the new one.
    public static func checkCount(_ count: Int, of list: String) throws(ServiceError) {
        guard count <= maxRecordsPerKind else {
            throw .validation("a committee holds at most \(maxRecordsPerKind) \(list), got \(count)", field: list)
        }
    }

    /// Checks the appointments of the party with `code`, in `state` after the party changed.
    public static func validateDependents(ofParty code: String, in state: CommitteeState) throws(ServiceError) {
        for index in state.appointmentIndexes(ofParty: code) {
            let appointment = state.file.appointments[index]
            try AppointmentRules.validate(appointment, in: state, at: .record("appointments", appointment.id))
        }
    }

    /// Checks the roles of the appointment's person (and of `previousPerson`, had it moved from
    /// another) and the pairings the appointment with `id` takes part in, in `state` after it
    /// changed.
    public static func validateDependents(ofAppointment id: String, in state: CommitteeState,
                                          previousPerson: String? = nil) throws(ServiceError) {
        let persons = Set([state.appointment(id)?.person, previousPerson].compactMap { $0 })
        for role in state.file.roles where persons.contains(role.person) {
            try RoleRules.validate(role, in: state, at: .record("roles", role.id))
        }
        for pairing in state.file.pairings where pairing.substitute == id || pairing.ledamot == id {
            try PairingRules.validate(pairing, in: state, at: .record("pairings", pairing.id))
        }
    }

    /// Checks the appointments and staff assignments of the person with `id`, in `state` after the
    /// person changed (their last day, `leftOn`, bounds them).
    public static func validateDependents(ofPerson id: String, in state: CommitteeState) throws(ServiceError) {
        for appointment in state.appointments(ofPerson: id) {
            try AppointmentRules.validate(appointment, in: state, at: .record("appointments", appointment.id))
        }
        for staff in state.file.staff where staff.person == id {
            try StaffRules.validate(staff, in: state, at: .record("staff", staff.id))
        }
    }
}
