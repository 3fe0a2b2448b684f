import KansliProtocol
import RegistryAPI

extension CommitteeState {
    /// The error for a reference to the `kind` of record (`"party"`, `"appointment"` …) with `id`
    /// that this committee does not have, naming `field`.
    ///
    /// A malformed id could name no record at all, so the request is wrong in form, not in what it
    /// refers to: `validation`, with the format explained (PROTOCOL §6.1). A well-formed id that
    /// names nothing is `not_found`. Either way the id is quoted only shortened: it is client input.
    func missing(_ kind: String, _ id: String, field: String) -> ServiceError {
        do {
            try TextRules.id(id, field: field, kind: kind)
        } catch {
            return error
        }
        return .notFound("\(code) has no \(kind) \(ServiceError.quote(id))", field: field)
    }
}
