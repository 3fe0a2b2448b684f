import KansliProtocol
import KansliService
import RegistryAPI

// Roles (chair, vice chair) and staff (secretary, coordinator).
extension RegistryHandlers {
    static func roleAssign(_ request: RoleAssign, _ context: RegistryWriteContext) throws -> RoleAssignment {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var role = try RecordFactory.role(request, in: state)
        role.revision = 1
        let changed = state.adding(role)
        try RoleRules.validate(role, in: changed, at: .root)
        try CommitteeValidator.checkCount(changed.file.roles.count, of: "roles")
        try store.insert(role, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "create", entity: "role", entityID: entityID(state.code, role.id),
                          summary: "\(state.name(ofPerson: role.person)) \(role.role.rawValue) \(role.span)")
        return role
    }

    static func roleUpdate(_ request: RoleUpdate, _ context: RegistryWriteContext) throws -> RoleAssignment {
        try checkReference(committee: request.committee, id: request.assignment.id, field: "assignment.id",
                           kind: "role assignment")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var role = request.assignment
        guard let index = state.file.roles.firstIndex(where: { $0.id == role.id }) else {
            throw state.missing("role assignment", role.id, field: "assignment.id")
        }
        role.revision = try nextRevision(stored: state.file.roles[index].revision, sent: role.revision,
                                        of: "role assignment", id: role.id, field: "assignment.revision",
                                        table: "registry_role", store: store, committee: seq)
        let changed = state.replacing(at: index, with: role)
        try RoleRules.validate(role, in: changed, at: FieldPath("assignment"))
        // A role is what nothing else depends on (CommitteeValidator+Dependents).
        try store.update(role, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "update", entity: "role", entityID: entityID(state.code, role.id),
                          summary: "\(state.name(ofPerson: role.person)) \(role.role.rawValue) \(role.span)")
        return role
    }

    static func roleEnd(_ request: EndRequest, _ context: RegistryWriteContext) throws -> RoleAssignment {
        try checkReference(committee: request.committee, id: request.id, kind: "role assignment")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.roles.firstIndex(where: { $0.id == request.id }) else {
            throw state.missing("role assignment", request.id, field: "id")
        }
        var role = state.file.roles[index]
        role.revision = try nextRevision(stored: role.revision, sent: request.revision, of: "role assignment",
                                        id: request.id, field: "revision", table: "registry_role", store: store,
                                        committee: seq)
        try checkEnd(request.lastDay, of: role.span, what: "the role assignment")
        role.to = request.lastDay
        let changed = state.replacing(at: index, with: role)
        try RoleRules.validate(role, in: changed, at: .record("roles", role.id))
        try store.update(role, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "end", entity: "role", entityID: entityID(state.code, role.id),
                          summary: "\(state.name(ofPerson: role.person)) \(role.role.rawValue) ends after "
                              + "\(request.lastDay)")
        return role
    }

    static func roleGet(_ request: RecordRef, _ reader: RegistryReadContext) throws -> RoleAssignment {
        try checkReference(committee: request.committee, id: request.id, kind: "role assignment")
        let state = try reader.state(of: request.committee)
        // A withdrawn record is still found by id: its history.
        guard let role = (state.file.roles + state.withdrawn.roles).first(where: { $0.id == request.id }) else {
            throw state.missing("role assignment", request.id, field: "id")
        }
        return role
    }

    static func roleList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [RoleAssignment] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.roles(request, in: state)
    }

    static func staffAssign(_ request: StaffAssign, _ context: RegistryWriteContext) throws -> StaffAssignment {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var staff = try RecordFactory.staff(request, in: state)
        staff.revision = 1
        let changed = state.adding(staff)
        try StaffRules.validate(staff, in: changed, at: .root)
        try CommitteeValidator.checkCount(changed.file.staff.count, of: "staff")
        try store.insert(staff, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "create", entity: "staff", entityID: entityID(state.code, staff.id),
                          summary: "\(state.name(ofPerson: staff.person)) \(staff.role.rawValue) \(staff.span)")
        return staff
    }

    static func staffUpdate(_ request: StaffUpdate, _ context: RegistryWriteContext) throws -> StaffAssignment {
        try checkReference(committee: request.committee, id: request.assignment.id, field: "assignment.id",
                           kind: "staff assignment")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var staff = Normaliser.normalise(request.assignment)
        guard let index = state.file.staff.firstIndex(where: { $0.id == staff.id }) else {
            throw state.missing("staff assignment", staff.id, field: "assignment.id")
        }
        staff.revision = try nextRevision(stored: state.file.staff[index].revision, sent: staff.revision,
                                        of: "staff assignment", id: staff.id, field: "assignment.revision",
                                        table: "registry_staff", store: store, committee: seq)
        let changed = state.replacing(at: index, with: staff)
        try StaffRules.validate(staff, in: changed, at: FieldPath("assignment"))
        // A staff assignment is what nothing else depends on (CommitteeValidator+Dependents).
        try store.update(staff, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "update", entity: "staff", entityID: entityID(state.code, staff.id),
                          summary: "\(state.name(ofPerson: staff.person)) \(staff.role.rawValue) \(staff.span)")
        return staff
    }

    static func staffEnd(_ request: EndRequest, _ context: RegistryWriteContext) throws -> StaffAssignment {
        try checkReference(committee: request.committee, id: request.id, kind: "staff assignment")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.staff.firstIndex(where: { $0.id == request.id }) else {
            throw state.missing("staff assignment", request.id, field: "id")
        }
        var staff = state.file.staff[index]
        staff.revision = try nextRevision(stored: staff.revision, sent: request.revision, of: "staff assignment",
                                        id: request.id, field: "revision", table: "registry_staff", store: store,
                                        committee: seq)
        try checkEnd(request.lastDay, of: staff.span, what: "the staff assignment")
        staff.to = request.lastDay
        let changed = state.replacing(at: index, with: staff)
        try StaffRules.validate(staff, in: changed, at: .record("staff", staff.id))
        try store.update(staff, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "end", entity: "staff", entityID: entityID(state.code, staff.id),
                          summary: "\(state.name(ofPerson: staff.person)) \(staff.role.rawValue) ends after "
                              + "\(request.lastDay)")
        return staff
    }

    static func staffGet(_ request: RecordRef, _ reader: RegistryReadContext) throws -> StaffAssignment {
        try checkReference(committee: request.committee, id: request.id, kind: "staff assignment")
        let state = try reader.state(of: request.committee)
        guard let staff = (state.file.staff + state.withdrawn.staff).first(where: { $0.id == request.id }) else {
            throw state.missing("staff assignment", request.id, field: "id")
        }
        return staff
    }

    static func staffList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [StaffAssignment] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.staff(request, in: state)
    }
}
