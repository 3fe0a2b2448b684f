import KansliProtocol
import KansliService
import RegistryAPI

extension RegistryHandlers {
    static func committeeCreate(_ request: CommitteeCreate, _ context: HandlerContext) throws -> Committee {
        let store = RegistryStore(context)
        let committee = Normaliser.normalise(request.committee)
        try CommitteeRules.validate(committee, at: FieldPath("committee"))
        guard try store.committeeSeq(committee.code) == nil else {
            throw ServiceError.conflict("there is already a committee \(ServiceError.quote(committee.code))",
                                        field: "committee.code")
        }
        _ = try store.insert(committee)
        try context.audit(action: "create", entity: "committee", entityID: committee.code,
                          summary: "created \(committee.name) (\(committee.code))")
        return committee
    }

    static func committeeUpdate(_ request: CommitteeUpdate, _ context: HandlerContext) throws -> Committee {
        let store = RegistryStore(context)
        let committee = Normaliser.normalise(request.committee)
        let (seq, state) = try store.state(of: committee.code, field: "committee.code")
        try CommitteeRules.validate(committee, at: FieldPath("committee"))
        var file = state.file
        file.committee = committee
        try checkWhole(CommitteeState(file))
        try store.update(committee, seq: seq)
        try context.audit(action: "update", entity: "committee", entityID: committee.code,
                          summary: "updated \(committee.name) (\(committee.code))")
        return committee
    }

    static func committeeEnd(_ request: CommitteeEnd, _ context: HandlerContext) throws -> Committee {
        let store = RegistryStore(context)
        let (seq, state) = try store.state(of: request.committee)
        var committee = state.committee
        if let established = committee.establishedOn, request.lastDay < established {
            throw ServiceError.validation(
                "\(committee.code) was established on \(established); it cannot end on \(request.lastDay)",
                field: "lastDay")
        }
        committee.endedOn = request.lastDay
        var file = state.file
        file.committee = committee
        try checkWhole(CommitteeState(file))
        try store.update(committee, seq: seq)
        try context.audit(action: "end", entity: "committee", entityID: committee.code,
                          summary: "\(committee.name) (\(committee.code)) ends after \(request.lastDay)")
        return committee
    }

    static func committeeGet(_ request: CommitteeRef, _ context: HandlerContext) throws -> CommitteeOverview {
        let store = RegistryStore(context)
        return try store.overview(try store.requireCommitteeSeq(request.committee))
    }

    static func committeeList(_ request: Empty, _ context: HandlerContext) throws -> [CommitteeOverview] {
        try RegistryStore(context).overviews()
    }
}
