import KansliProtocol
import KansliService
import RegistryAPI

// Substitute pairings and signing keys.
extension RegistryHandlers {
    static func pairingCreate(_ request: PairingCreate, _ context: RegistryWriteContext) throws -> SubstitutePairing {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var pairing = try RecordFactory.pairing(request, in: state)
        pairing.revision = 1
        let changed = state.adding(pairing)
        try PairingRules.validate(pairing, in: changed, at: .root)
        try CommitteeValidator.checkCount(changed.file.pairings.count, of: "pairings")
        try store.insert(pairing, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "create", entity: "pairing", entityID: entityID(state.code, pairing.id),
                          summary: summary(of: pairing, in: state))
        return pairing
    }

    static func pairingUpdate(_ request: PairingUpdate, _ context: RegistryWriteContext) throws -> SubstitutePairing {
        try checkReference(committee: request.committee, id: request.pairing.id, field: "pairing.id",
                           kind: "pairing")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        var pairing = request.pairing
        guard let index = state.file.pairings.firstIndex(where: { $0.id == pairing.id }) else {
            throw state.missing("pairing", pairing.id, field: "pairing.id")
        }
        pairing.revision = try nextRevision(stored: state.file.pairings[index].revision, sent: pairing.revision,
                                        of: "pairing", id: pairing.id, field: "pairing.revision",
                                        table: "registry_pairing", store: store, committee: seq)
        let changed = state.replacing(at: index, with: pairing)
        try PairingRules.validate(pairing, in: changed, at: FieldPath("pairing"))
        // A pairing is what nothing else depends on (CommitteeValidator+Dependents).
        try store.update(pairing, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "update", entity: "pairing", entityID: entityID(state.code, pairing.id),
                          summary: summary(of: pairing, in: state))
        return pairing
    }

    static func pairingEnd(_ request: EndRequest, _ context: RegistryWriteContext) throws -> SubstitutePairing {
        try checkReference(committee: request.committee, id: request.id, kind: "pairing")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.pairings.firstIndex(where: { $0.id == request.id }) else {
            throw state.missing("pairing", request.id, field: "id")
        }
        var pairing = state.file.pairings[index]
        pairing.revision = try nextRevision(stored: pairing.revision, sent: request.revision, of: "pairing",
                                        id: request.id, field: "revision", table: "registry_pairing", store: store,
                                        committee: seq)
        try checkEnd(request.lastDay, of: pairing.span, what: "the pairing")
        pairing.to = request.lastDay
        let changed = state.replacing(at: index, with: pairing)
        try PairingRules.validate(pairing, in: changed, at: .record("pairings", pairing.id))
        try store.update(pairing, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "end", entity: "pairing", entityID: entityID(state.code, pairing.id),
                          summary: "pairing \(pairing.id) ends after \(request.lastDay)")
        return pairing
    }

    static func pairingGet(_ request: RecordRef, _ reader: RegistryReadContext) throws -> SubstitutePairing {
        try checkReference(committee: request.committee, id: request.id, kind: "pairing")
        let state = try reader.state(of: request.committee)
        guard let pairing = (state.file.pairings + state.withdrawn.pairings).first(where: { $0.id == request.id }) else {
            throw state.missing("pairing", request.id, field: "id")
        }
        return pairing
    }

    static func pairingList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [SubstitutePairing] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.pairings(request, in: state)
    }

    /// "Johan Johansson for Lena Goldkuhl 2019-01-01–2022-12-31" or "Johan Johansson rank 1 …".
    private static func summary(of pairing: SubstitutePairing, in state: CommitteeState) -> String {
        let substitute = state.name(ofPerson: state.appointment(pairing.substitute)?.person ?? pairing.substitute)
        if let ledamot = pairing.ledamot {
            return "\(substitute) for \(state.name(ofPerson: state.appointment(ledamot)?.person ?? ledamot)) \(pairing.span)"
        }
        return "\(substitute) rank \(pairing.rank ?? 0) \(pairing.span)"
    }

    static func signingKeyAdd(_ request: SigningKeyAdd, _ context: RegistryWriteContext) throws -> SigningKey {
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        let key = try RecordFactory.signingKey(request, in: state)
        let changed = state.adding(key)
        try SigningKeyRules.validate(key, in: changed, at: .root)
        try CommitteeValidator.checkCount(changed.file.signingKeys.count, of: "signingKeys")
        try store.insert(key, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "create", entity: "signing-key", entityID: entityID(state.code, key.id),
                          summary: "key \(key.publicKey.prefix(16))… for \(state.name(ofPerson: key.person)) "
                              + "\(key.validity)")
        return key
    }

    static func signingKeyRevoke(_ request: SigningKeyRevoke, _ context: RegistryWriteContext) throws -> SigningKey {
        try checkReference(committee: request.committee, id: request.key, field: "key",
                           kind: "signing key")
        let store = context.store
        let (seq, state) = try context.state(of: request.committee)
        guard let index = state.file.signingKeys.firstIndex(where: { $0.id == request.key }) else {
            throw state.missing("signing key", request.key, field: "key")
        }
        var key = state.file.signingKeys[index]
        if let revokedOn = key.revokedOn {
            throw ServiceError.conflict("\(key.id) was already revoked on \(revokedOn)", field: "key")
        }
        key.revokedOn = request.revokedOn
        key.revocationReason = request.reason
        let changed = state.replacing(at: index, with: key)
        do {
            try SigningKeyRules.validate(key, in: changed, at: .root)
        } catch {
            // The request calls the reason `reason`.
            var renamed = error
            if renamed.field == "revocationReason" { renamed.field = "reason" }
            throw renamed
        }
        try store.revoke(key, committee: seq)
        try context.publish(changed, seq: seq)
        try context.audit(action: "revoke", entity: "signing-key", entityID: entityID(state.code, key.id),
                          summary: "revoked from \(request.revokedOn): \(request.reason)")
        return key
    }

    static func signingKeyGet(_ request: RecordRef, _ reader: RegistryReadContext) throws -> SigningKey {
        try checkReference(committee: request.committee, id: request.id, kind: "signing key")
        let state = try reader.state(of: request.committee)
        guard let key = state.file.signingKeys.first(where: { $0.id == request.id }) else {
            throw state.missing("signing key", request.id, field: "id")
        }
        return key
    }

    static func signingKeyList(_ request: ListRequest, _ reader: RegistryReadContext) throws -> [SigningKey] {
        try checkReferences(of: request)
        let state = try reader.state(of: request.committee)
        return try ListFilters.signingKeys(request, in: state)
    }
}
