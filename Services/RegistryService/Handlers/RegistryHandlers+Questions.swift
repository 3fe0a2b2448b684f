import KansliProtocol
import KansliService
import RegistryAPI

// Composition, substitutes, import and export.
extension RegistryHandlers {
    static func composition(_ request: CompositionRequest, _ reader: RegistryReadContext) throws -> Composition {
        let state = try reader.state(of: request.committee)
        return try CompositionBuilder.composition(of: state, on: request.on)
    }

    static func substitutes(_ request: SubstitutesRequest, _ reader: RegistryReadContext) throws -> SubstituteList {
        try checkReference(committee: request.committee, id: request.ledamot, field: "ledamot", kind: "person")
        let state = try reader.state(of: request.committee)
        return try SubstituteFinder.substitutes(for: request.ledamot, in: state, on: request.on)
    }

    static func importCommittee(_ request: ImportRequest, _ context: HandlerContext) throws -> ImportResult {
        let store = RegistryStore(context)
        let file = Normaliser.normalise(request.file)
        try prefixingFields("file") { try CommitteeValidator.validateFile(file) }
        let code = file.committee.code
        let existing = try store.committeeSeq(code)
        if let existing {
            guard request.replaceExisting else {
                throw ServiceError.conflict(
                    "there is already a committee \(ServiceError.quote(code)); "
                        + "set replaceExisting to replace all its records",
                    field: "file.committee.code")
            }
            try store.deleteCommittee(existing)
        }
        _ = try store.insertAll(file)
        let counts = file.counts
        try context.audit(
            action: existing == nil ? "import" : "replace", entity: "committee", entityID: code,
            summary: "\(existing == nil ? "imported" : "replaced") \(file.committee.name): \(counts.parties) parties, "
                + "\(counts.persons) persons, \(counts.appointments) appointments, \(counts.roles) roles, "
                + "\(counts.staff) staff, \(counts.pairings) pairings, \(counts.signingKeys) keys, "
                + "\(counts.yearlyKeys) yearly figures")
        return ImportResult(committee: code, counts: counts, replaced: existing != nil, stored: true)
    }

    static func importCheck(_ request: ImportRequest, _ context: HandlerContext) throws -> ImportResult {
        let store = RegistryStore(context)
        let file = Normaliser.normalise(request.file)
        try prefixingFields("file") { try CommitteeValidator.validateFile(file) }
        let existing = try store.committeeSeq(file.committee.code)
        return ImportResult(committee: file.committee.code, counts: file.counts, replaced: existing != nil, stored: false)
    }

    static func exportCommittee(_ request: CommitteeRef, _ context: HandlerContext) throws -> CommitteeFile {
        let store = RegistryStore(context)
        return try store.file(try store.requireCommitteeSeq(request.committee))
    }
}
