import KansliProtocol
import KansliService
import RegistryAPI

extension RegistryHandlers {
    static func partyAdd(_ request: PartyAdd, _ context: RegistryWriteContext) throws -> Party {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var party = Normaliser.normalise(request.party)
        party.revision = 1
        guard state.party(party.code) == nil else {
            throw ServiceError.conflict("\(state.code) already has a party \(ServiceError.quote(party.code))",
                                        field: "party.code")
        }
        let changed = state.adding(party)
        try PartyRules.validate(party, in: changed, at: FieldPath("party"))
        try CommitteeValidator.checkCount(changed.file.parties.count, of: "parties")
        try store.insert(party, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "create", entity: "party", entityID: entityID(state.code, party.code),
                          summary: "added \(party.name) (\(party.organisationNumber)) from \(party.joinedOn)"
                              + (party.isHost ? ", host" : ""))
        return party
    }

    static func partyUpdate(_ request: PartyUpdate, _ context: RegistryWriteContext) throws -> Party {
        try checkReference(committee: request.committee, id: request.party.code, field: "party.code",
                           kind: "party")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var party = Normaliser.normalise(request.party)
        guard let index = state.file.parties.firstIndex(where: { $0.code == party.code }) else {
            throw state.missing("party", party.code, field: "party.code")
        }
        party.revision = try nextRevision(stored: state.file.parties[index].revision, sent: party.revision,
                                        of: "party", id: party.code, field: "party.revision",
                                        table: "registry_party", store: store, committee: seq)
        let changed = state.replacing(at: index, with: party)
        try PartyRules.validate(party, in: changed, at: FieldPath("party"))
        try CommitteeValidator.validateDependents(ofParty: party.code, in: changed)
        try store.update(party, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "update", entity: "party", entityID: entityID(state.code, party.code),
                          summary: "updated \(party.name)")
        return party
    }

    static func partyEnd(_ request: EndRequest, _ context: RegistryWriteContext) throws -> Party {
        try checkReference(committee: request.committee, id: request.id, kind: "party")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.parties.firstIndex(where: { $0.code == request.id }) else {
            throw state.missing("party", request.id, field: "id")
        }
        var party = state.file.parties[index]
        party.revision = try nextRevision(stored: party.revision, sent: request.revision, of: "party",
                                        id: request.id, field: "revision", table: "registry_party", store: store,
                                        committee: seq)
        try checkEnd(request.lastDay, of: party.membership, what: "\(party.name)'s membership")
        party.leftOn = request.lastDay
        let changed = state.replacing(at: index, with: party)
        try PartyRules.validate(party, in: changed, at: .record("parties", party.code))
        try CommitteeValidator.validateDependents(ofParty: party.code, in: changed)
        try store.update(party, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "end", entity: "party", entityID: entityID(state.code, party.code),
                          summary: "\(party.name) leaves after \(request.lastDay)")
        return party
    }

    static func partyGet(_ request: RecordRef, _ reader: RegistryReadContext) throws -> Party {
        try checkReference(committee: request.committee, id: request.id, kind: "party")
        let state = try reader.state(of: request.committee)
        guard let party = state.party(request.id) else {
            throw state.missing("party", request.id, field: "id")
        }
        return party
    }

    static func partyList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [Party] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.parties(request, in: state)
    }

    static func yearlyKeySet(_ request: YearlyKeySet, _ context: RegistryWriteContext) throws -> YearlyKey {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        let key = request.key
        try YearlyKeyRules.validate(key, in: state, at: FieldPath("key"))
        let changed = state.setting(key)
        try CommitteeValidator.checkCount(changed.file.yearlyKeys.count, of: "yearlyKeys")
        try store.upsert(key, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "set", entity: "yearly-key",
                          entityID: entityID(state.code, "\(key.party)/\(key.kind.rawValue)/\(key.year)"),
                          summary: "\(state.name(ofParty: key.party)) \(key.kind.rawValue) \(key.year) = \(key.value) "
                              + "(\(key.source))" + (key.illustrative ? ", illustrative" : ""))
        return key
    }

    static func yearlyKeyList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [YearlyKey] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.yearlyKeys(request, in: state)
    }

    static func yearlyKeyTable(_ request: YearlyKeyTableRequest, _ reader: RegistryReadContext) throws -> YearlyKeyTable {
        let state = try reader.state(of: request.committee)
        return try YearlyKeyTableBuilder.table(of: state, kind: request.kind, year: request.year)
    }
}
