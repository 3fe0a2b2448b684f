import KansliProtocol
import RegistryAPI

// registry.withdraw: a record entered by mistake leaves every composition, list and rule, and
// stays in the tables, the export and the audit trail with the day and the reason.
extension RegistryHandlers {
    static func withdraw(_ request: WithdrawRequest, _ context: RegistryWriteContext) throws -> WithdrawnRecord {
        let what: String = switch request.kind {
        case .appointment: "appointment"
        case .role: "role assignment"
        case .staff: "staff assignment"
        case .pairing: "pairing"
        }
        try checkReference(committee: request.committee, id: request.id, kind: what)
        try TextRules.required(request.reason, field: "reason", what: "the reason for the withdrawal",
                               maxLength: TextRules.maxNoteLength)
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        if state.withdrawn.contains(request.kind, id: request.id) {
            throw ServiceError.conflict("\(what) \(ServiceError.quote(request.id)) is already withdrawn", field: "id")
        }
        let withdrawal = Withdrawal(on: today(context.request.now), reason: request.reason)
        func revision(_ stored: Int?, _ table: String) throws -> Int {
            try nextRevision(stored: stored, sent: request.revision, of: what, id: request.id, field: "revision",
                             table: table, store: store, committee: seq)
        }
        var file = state.file
        let newRevision: Int
        switch request.kind {
        case .appointment:
            guard let index = file.appointments.firstIndex(where: { $0.id == request.id }) else {
                throw state.missing(what, request.id, field: "id")
            }
            // A pairing naming it would name nothing: it goes first.
            if let pairing = file.pairings.first(where: { $0.substitute == request.id || $0.ledamot == request.id }) {
                throw ServiceError.validation(
                    "pairing \(pairing.id) names appointment \(request.id): withdraw it first (kansli registry pairing "
                        + "withdraw \(state.code) \(pairing.id) --reason …)", field: "id")
            }
            var appointment = file.appointments.remove(at: index)
            newRevision = try revision(appointment.revision, "registry_appointment")
            appointment.revision = newRevision
            appointment.withdrawn = withdrawal
            // The person's roles may have needed this seat.
            let remaining = CommitteeState(file)
            for role in remaining.file.roles where role.person == appointment.person {
                try RoleRules.validate(role, in: remaining, at: .record("roles", role.id))
            }
            try store.update(appointment, committee: seq)
        case .role:
            guard let index = file.roles.firstIndex(where: { $0.id == request.id }) else {
                throw state.missing(what, request.id, field: "id")
            }
            var role = file.roles[index]
            newRevision = try revision(role.revision, "registry_role")
            role.revision = newRevision
            role.withdrawn = withdrawal
            try store.update(role, committee: seq)
        case .staff:
            guard let index = file.staff.firstIndex(where: { $0.id == request.id }) else {
                throw state.missing(what, request.id, field: "id")
            }
            var staff = file.staff[index]
            newRevision = try revision(staff.revision, "registry_staff")
            staff.revision = newRevision
            staff.withdrawn = withdrawal
            try store.update(staff, committee: seq)
        case .pairing:
            guard let index = file.pairings.firstIndex(where: { $0.id == request.id }) else {
                throw state.missing(what, request.id, field: "id")
            }
            var pairing = file.pairings[index]
            newRevision = try revision(pairing.revision, "registry_pairing")
            pairing.revision = newRevision
            pairing.withdrawn = withdrawal
            try store.update(pairing, committee: seq)
        }
        // Not published to the cache: the next request reads the committee from the tables, which
        // keep the withdrawn record in its place among the others (a rare write; no index to keep).
        try context.audit(action: "withdraw", entity: request.kind.rawValue, entityID: entityID(state.code, request.id),
                          summary: "withdrew \(what) \(request.id): \(request.reason)")
        return WithdrawnRecord(kind: request.kind, id: request.id, withdrawal: withdrawal, revision: newRevision)
    }
}
