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
        try store.update(person, committee: seq)
        try context.publish(state.replacing(at: index, with: person), seq: seq)
        try context.audit(action: "update", entity: "person", entityID: entityID(state.code, person.id),
                          summary: "updated \(person.name)")
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
