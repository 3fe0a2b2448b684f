import KansliProtocol
import KansliService
import RegistryAPI

extension RegistryHandlers {
    static func personCreate(_ request: PersonCreate, _ context: RegistryWriteContext) throws -> Person {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var person = try RecordFactory.person(request, in: state)
        person.revision = 1
        try PersonRules.validate(person, at: .root)
        try CommitteeValidator.checkCount(state.file.persons.count + 1, of: "persons")
        try store.insert(person, committee: seq)
        try context.publish(state.adding(person), seq: seq)
        try context.audit(action: "create", entity: "person", entityID: entityID(state.code, person.id),
                          summary: "created \(person.name)")
        return person
    }

    static func personUpdate(_ request: PersonUpdate, _ context: RegistryWriteContext) throws -> Person {
        try checkReference(committee: request.committee, id: request.person.id, field: "person.id",
                           kind: "person")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var person = request.person
        guard let index = state.file.persons.firstIndex(where: { $0.id == person.id }) else {
            throw state.missing("person", person.id, field: "person.id")
        }
        person.revision = try nextRevision(stored: state.file.persons[index].revision, sent: person.revision, of: "person", id: person.id,
                                           field: "person.revision", table: "registry_person", store: store,
                                           committee: seq)
        try PersonRules.validate(person, at: FieldPath("person"))
        let changed = state.replacing(at: index, with: person)
        try CommitteeValidator.validateDependents(ofPerson: person.id, in: changed)
        try store.update(person, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "update", entity: "person", entityID: entityID(state.code, person.id),
                          summary: "updated \(person.name)")
        return person
    }

    static func personEnd(_ request: EndRequest, _ context: RegistryWriteContext) throws -> Person {
        try checkReference(committee: request.committee, id: request.id, kind: "person")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.persons.firstIndex(where: { $0.id == request.id }) else {
            throw state.missing("person", request.id, field: "id")
        }
        var person = state.file.persons[index]
        if let left = person.leftOn, request.lastDay > left {
            throw ServiceError.validation(
                "\(person.name) already left after \(left); ending cannot lengthen it (use update)", field: "lastDay")
        }
        person.revision = try nextRevision(stored: person.revision, sent: request.revision, of: "person",
                                           id: person.id, field: "revision", table: "registry_person", store: store,
                                           committee: seq)
        person.leftOn = request.lastDay
        let changed = state.replacing(at: index, with: person)
        try CommitteeValidator.validateDependents(ofPerson: person.id, in: changed)
        try store.update(person, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "end", entity: "person", entityID: entityID(state.code, person.id),
                          summary: "\(person.name) leaves after \(request.lastDay)")
        return person
    }

    static func personErase(_ request: PersonErase, _ context: RegistryWriteContext) throws -> Person {
        try checkReference(committee: request.committee, id: request.id, kind: "person")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.persons.firstIndex(where: { $0.id == request.id }) else {
            throw state.missing("person", request.id, field: "id")
        }
        var person = state.file.persons[index]
        guard let left = person.leftOn else {
            throw ServiceError.validation(
                "\(person.name) has not left \(state.code): end the person first (kansli registry person end "
                    + "\(state.code) \(person.id) --last-day DATE); contact details are kept while a person serves",
                field: "id")
        }
        let today = today(context.request.now)
        guard today > left else {
            throw ServiceError.validation(
                "\(person.name) serves until \(left); their contact details can be erased from the day after",
                field: "id")
        }
        person.revision = try nextRevision(stored: person.revision, sent: request.revision, of: "person",
                                           id: person.id, field: "revision", table: "registry_person", store: store,
                                           committee: seq)
        // Responses kept for replaying retries of earlier writes hold the details too.
        try context.request.forgetStoredResponses(containing: [person.email, person.phone, person.note].compactMap { $0 })
        person.email = nil
        person.phone = nil
        person.note = nil
        person.erasedOn = today
        try store.update(person, committee: seq)
        try context.publish(state.replacing(at: index, with: person), seq: seq)
        // The summary names what was erased, never the details themselves.
        try context.audit(action: "erase", entity: "person", entityID: entityID(state.code, person.id),
                          summary: "erased the contact details of \(person.name)")
        return person
    }

    static func personGet(_ request: RecordRef, _ reader: RegistryReadContext) throws -> PersonDetails {
        try checkReference(committee: request.committee, id: request.id, kind: "person")
        let state = try reader.state(of: request.committee)
        return try ListFilters.details(ofPerson: request.id, in: state)
    }

    static func personList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [Person] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.persons(request, in: state)
    }
}
