import KansliProtocol
import RegistryAPI

// A mid-term replacement (registry.appointment.replace): the steps a secretary would otherwise
// take one by one — end the pairing, end the appointment, create the person, appoint them, pair
// the ersättare again — in one transaction, each checked as its own method would check it.
extension RegistryHandlers {
    static func appointmentReplace(_ request: AppointmentReplace, _ context: RegistryWriteContext) throws
        -> AppointmentReplacement
    {
        try checkReference(committee: request.committee, id: request.appointment, field: "appointment",
                           kind: "appointment")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.appointments.firstIndex(where: { $0.id == request.appointment }) else {
            throw state.missing("appointment", request.appointment, field: "appointment")
        }
        let lastDay = request.lastDay, firstDay = request.lastDay.adding(days: 1)
        var ended = state.file.appointments[index]
        let leaver = state.name(ofPerson: ended.person)
        try checkEnd(lastDay, of: ended.span, what: "\(leaver)'s appointment")
        guard lastDay < ended.to else {
            throw ServiceError.validation(
                "\(leaver)'s appointment already ends on \(ended.to), so there is no rest of it to take over; "
                    + "appoint the successor with registry.appointment.create (kansli registry appointment create)",
                field: "lastDay")
        }
        ended.revision = try nextRevision(stored: ended.revision, sent: request.revision, of: "appointment",
                                          id: ended.id, field: "revision", table: "registry_appointment",
                                          store: store, committee: seq)
        let restOfTerm = ended.to
        ended.to = lastDay
        var changed = state.replacing(at: index, with: ended)

        // The successor: a person of the committee, or a new one.
        var createdPerson: Person?
        let successor: String
        switch (request.successor, request.successorName) {
        case (let id?, nil):
            try TextRules.id(id, field: "successor", kind: "person")
            guard changed.person(id) != nil else {
                throw ServiceError.notFound(
                    "\(state.code) has no person \(ServiceError.quote(id)); create them first (kansli registry person "
                        + "create), or give the new person's name as successorName (--successor-name)",
                    field: "successor")
            }
            successor = id
        case (nil, let name?):
            var person = try RecordFactory.person(PersonCreate(committee: request.committee, name: name), in: changed)
            person.revision = 1
            try prefixingFields("successorName") { try PersonRules.validate(person, at: .root) }
            try CommitteeValidator.checkCount(changed.file.persons.count + 1, of: "persons")
            changed = changed.adding(person)
            createdPerson = person
            successor = person.id
        default:
            throw ServiceError.validation(
                "name the successor either by person id (successor) or, for a new person, by name (successorName)",
                field: "successor")
        }
        guard successor != ended.person else {
            throw ServiceError.validation("\(leaver) cannot succeed themselves; end or update the appointment instead",
                                          field: "successor")
        }

        // The leaver's presidium roles need the seat: ended with it only when asked.
        var endedRoles: [RoleAssignment] = []
        for (roleIndex, role) in changed.file.roles.enumerated() where role.person == ended.person && role.to > lastDay {
            guard request.endRoles else {
                throw ServiceError.validation(
                    "\(leaver) is \(role.role.rawValue) until \(role.to) (\(role.id)), which needs the seat: end the role "
                        + "first (kansli registry role end \(state.code) \(role.id) --last-day \(lastDay)), or let the "
                        + "replacement end it (endRoles, --end-roles)",
                    field: "endRoles")
            }
            guard role.from <= lastDay else {
                throw ServiceError.validation(
                    "\(leaver)'s role \(role.id) starts on \(role.from), after the last day \(lastDay); change it first "
                        + "(kansli registry role update)", field: "endRoles")
            }
            var role = role
            role.revision = (role.revision ?? 1) + 1
            role.to = lastDay
            changed = changed.replacing(at: roleIndex, with: role)
            endedRoles.append(role)
        }

        // The successor's appointment: the same party, kind, seat and period, for the rest of it.
        var appointment = try RecordFactory.appointment(
            AppointmentCreate(committee: request.committee, id: request.id, person: successor, party: ended.party,
                              kind: ended.kind, seat: ended.seat,
                              politicalParty: request.politicalParty ?? ended.politicalParty,
                              mandatePeriod: ended.mandatePeriod, from: firstDay, to: restOfTerm, note: request.note),
            in: changed)
        appointment.revision = 1
        changed = changed.adding(appointment)
        try CommitteeValidator.checkCount(changed.file.appointments.count, of: "appointments")
        try AppointmentRules.validate(appointment, in: changed, at: .root)

        // Every pairing of the old appointment that runs on follows to the new one.
        var endedPairings: [SubstitutePairing] = [], pairings: [SubstitutePairing] = []
        let following = changed.file.pairings.enumerated().filter { _, pairing in
            (pairing.substitute == ended.id || pairing.ledamot == ended.id) && pairing.to > lastDay
        }
        for (pairingIndex, pairing) in following {
            guard pairing.from <= lastDay else {
                throw ServiceError.validation(
                    "pairing \(pairing.id) starts on \(pairing.from), after the last day \(lastDay); end or change it "
                        + "first (kansli registry pairing update)", field: "lastDay")
            }
            var old = pairing
            old.revision = (old.revision ?? 1) + 1
            old.to = lastDay
            changed = changed.replacing(at: pairingIndex, with: old)
            endedPairings.append(old)
            var next = try RecordFactory.pairing(
                PairingCreate(committee: request.committee,
                              substitute: pairing.substitute == ended.id ? appointment.id : pairing.substitute,
                              ledamot: pairing.ledamot == ended.id ? appointment.id : pairing.ledamot,
                              rank: pairing.rank, from: firstDay, to: pairing.to),
                in: changed)
            next.revision = 1
            changed = changed.adding(next)
            try PairingRules.validate(next, in: changed, at: .record("pairings", next.id))
            pairings.append(next)
        }
        try CommitteeValidator.checkCount(changed.file.pairings.count, of: "pairings")
        try AppointmentRules.validate(ended, in: changed, at: .record("appointments", ended.id))
        try CommitteeValidator.validateDependents(ofAppointment: ended.id, in: changed)

        // Stored in the order the state lists them (persons before the appointments naming them,
        // appointments before the pairings).
        try store.update(ended, committee: seq)
        if let createdPerson { try store.insert(createdPerson, committee: seq) }
        for role in endedRoles { try store.update(role, committee: seq) }
        try store.insert(appointment, committee: seq)
        for pairing in endedPairings { try store.update(pairing, committee: seq) }
        for pairing in pairings { try store.insert(pairing, committee: seq) }
        try context.publish(changed, seq: seq)

        let successorName = changed.name(ofPerson: successor)
        try context.audit(
            action: "replace", entity: "appointment", entityID: entityID(state.code, ended.id),
            summary: "\(leaver) leaves after \(lastDay); \(successorName) (\(appointment.politicalParty)) takes "
                + "\(appointment.kind.rawValue) seat \(appointment.seat) for \(state.name(ofParty: appointment.party)) "
                + "\(appointment.span) as \(appointment.id)")
        if let createdPerson {
            try context.audit(action: "create", entity: "person", entityID: entityID(state.code, createdPerson.id),
                              summary: "created \(createdPerson.name)")
        }
        for role in endedRoles {
            try context.audit(action: "end", entity: "role", entityID: entityID(state.code, role.id),
                              summary: "\(leaver)'s \(role.role.rawValue) role ends after \(lastDay)")
        }
        for (old, next) in zip(endedPairings, pairings) {
            try context.audit(action: "replace", entity: "pairing", entityID: entityID(state.code, old.id),
                              summary: "ends after \(lastDay); follows as \(next.id) \(next.span)")
        }
        return AppointmentReplacement(ended: ended, appointment: appointment, createdPerson: createdPerson,
                                      endedPairings: endedPairings, pairings: pairings, endedRoles: endedRoles)
    }
}
