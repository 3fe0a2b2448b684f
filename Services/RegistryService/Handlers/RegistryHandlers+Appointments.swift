import KansliProtocol
import KansliService
import RegistryAPI

extension RegistryHandlers {
    static func appointmentCreate(_ request: AppointmentCreate, _ context: RegistryWriteContext) throws -> Appointment {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var appointment = try RecordFactory.appointment(request, in: state)
        appointment.revision = 1
        let changed = state.adding(appointment)
        try AppointmentRules.validate(appointment, in: changed, at: .root)
        try CommitteeValidator.checkCount(changed.file.appointments.count, of: "appointments")
        try CommitteeValidator.validateDependents(ofAppointment: appointment.id, in: changed)
        try store.insert(appointment, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "create", entity: "appointment", entityID: entityID(state.code, appointment.id),
                          summary: summary(of: appointment, in: state))
        return appointment
    }

    static func appointmentUpdate(_ request: AppointmentUpdate, _ context: RegistryWriteContext) throws -> Appointment {
        try checkReference(committee: request.committee, id: request.appointment.id, field: "appointment.id",
                           kind: "appointment")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var appointment = Normaliser.normalise(request.appointment, in: state.committee)
        guard let index = state.file.appointments.firstIndex(where: { $0.id == appointment.id }) else {
            throw state.missing("appointment", appointment.id, field: "appointment.id")
        }
        appointment.revision = try nextRevision(stored: state.file.appointments[index].revision, sent: appointment.revision,
                                        of: "appointment", id: appointment.id, field: "appointment.revision",
                                        table: "registry_appointment", store: store, committee: seq)
        let changed = state.replacing(at: index, with: appointment)
        try AppointmentRules.validate(appointment, in: changed, at: FieldPath("appointment"))
        try CommitteeValidator.validateDependents(ofAppointment: appointment.id, in: changed,
                                                  previousPerson: state.file.appointments[index].person)
        try store.update(appointment, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "update", entity: "appointment", entityID: entityID(state.code, appointment.id),
                          summary: summary(of: appointment, in: state))
        return appointment
    }

    static func appointmentEnd(_ request: EndRequest, _ context: RegistryWriteContext) throws -> Appointment {
        try checkReference(committee: request.committee, id: request.id, kind: "appointment")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.appointments.firstIndex(where: { $0.id == request.id }) else {
            throw state.missing("appointment", request.id, field: "id")
        }
        var appointment = state.file.appointments[index]
        appointment.revision = try nextRevision(stored: appointment.revision, sent: request.revision, of: "appointment",
                                        id: request.id, field: "revision", table: "registry_appointment", store: store,
                                        committee: seq)
        try checkEnd(request.lastDay, of: appointment.span,
                     what: "\(state.name(ofPerson: appointment.person))'s appointment")
        appointment.to = request.lastDay
        let changed = state.replacing(at: index, with: appointment)
        try AppointmentRules.validate(appointment, in: changed, at: .record("appointments", appointment.id))
        try CommitteeValidator.validateDependents(ofAppointment: appointment.id, in: changed)
        try store.update(appointment, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "end", entity: "appointment", entityID: entityID(state.code, appointment.id),
                          summary: "\(state.name(ofPerson: appointment.person))'s appointment ends after "
                              + "\(request.lastDay)")
        return appointment
    }

    static func appointmentGet(_ request: RecordRef, _ reader: RegistryReadContext) throws -> Appointment {
        try checkReference(committee: request.committee, id: request.id, kind: "appointment")
        let state = try reader.state(of: request.committee)
        guard let appointment = state.appointment(request.id)
            ?? state.withdrawn.appointments.first(where: { $0.id == request.id })
        else {
            throw state.missing("appointment", request.id, field: "id")
        }
        return appointment
    }

    static func appointmentList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [Appointment] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.appointments(request, in: state)
    }

    /// "Isak Utsi (S) ledamot seat 1 for Arjeplogs kommun 2019-01-01–2022-12-31".
    private static func summary(of appointment: Appointment, in state: CommitteeState) -> String {
        "\(state.name(ofPerson: appointment.person)) (\(appointment.politicalParty)) \(appointment.kind.rawValue) "
            + "seat \(appointment.seat) for \(state.name(ofParty: appointment.party)) \(appointment.span)"
    }
}
