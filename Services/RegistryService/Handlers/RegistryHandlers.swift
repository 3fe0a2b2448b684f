import KansliProtocol
import KansliService
import RegistryAPI

/// One thin handler per registry method. Each write takes the committee's state through its
/// `RegistryWriteContext` (from the cache when it holds the version the transaction sees), lets
/// `RecordFactory` and the rules build and check the change, checks the records that depend on
/// the changed one (`CommitteeValidator+Dependents`: so no other record becomes invalid, at a cost
/// that follows what the write touches, not the committee's size), stores the one changed record,
/// leaves the new state in the cache and writes an audit entry — all inside the request's
/// transaction, which the runtime commits only when the handler returns. Each read gets the state
/// through its `RegistryReadContext`.
///
/// The handlers are grouped by record kind in `RegistryHandlers+<Kind>.swift`.
enum RegistryHandlers {
    /// Checks the whole committee as it will be after a change to the committee record itself,
    /// which every party's membership depends on. Errors name the record by id
    /// (`appointments[isak-utsi-2019].to`), since the record at fault is another than the one the
    /// request changes.
    static func checkWhole(_ state: CommitteeState) throws {
        try CommitteeValidator.validate(state, locator: .id)
    }

    /// `validation` naming the field unless `committee` is a well-formed committee code and `id` a
    /// well-formed id of a `kind` of record: a malformed one could name no record, so the request is
    /// wrong in form (PROTOCOL §6.1). Lookups call it first, so such a request touches no table.
    static func checkReference(committee: String, id: String, field: String = "id", kind: String)
        throws(ServiceError)
    {
        try TextRules.committeeReference(committee, field: "committee")
        try TextRules.id(id, field: field, kind: kind)
    }

    /// `validation` naming the field unless the committee code and the `party` and `person`
    /// filters of `request` are well-formed, for the `…list` methods; checked, like
    /// `checkReference`, before any table is read.
    static func checkReferences(of request: ListRequest) throws(ServiceError) {
        try TextRules.committeeReference(request.committee, field: "committee")
        if let party = request.party { try TextRules.id(party, field: "party", kind: "party") }
        if let person = request.person { try TextRules.id(person, field: "person", kind: "person") }
    }

    /// The entity id used in audit entries: the committee code and the record's id, `NBE/lulea`.
    static func entityID(_ committee: String, _ id: String) -> String { "\(committee)/\(id)" }

    /// Runs `body`, putting `prefix` before the field of any `ServiceError` it throws: the rules
    /// name fields of a document, the request holds the document under `file`.
    static func prefixingFields<T>(_ prefix: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as ServiceError {
            error.field = error.field.map { "\(prefix).\($0)" } ?? prefix
            throw error
        }
    }

    /// `validation` unless `lastDay` ends a record that runs `span` no earlier than it starts and
    /// no later than it already ends: ending shortens a record, `…update` changes it otherwise.
    static func checkEnd(_ lastDay: CalendarDate, of span: DateSpan, what: String) throws {
        guard lastDay >= span.from else {
            throw ServiceError.validation("\(what) starts on \(span.from); it cannot end on \(lastDay)", field: "lastDay")
        }
        if let to = span.to, lastDay > to {
            throw ServiceError.validation(
                "\(what) already ends on \(to); ending cannot lengthen it (use update)", field: "lastDay")
        }
    }
}
