/// Where a field sits in a request or a document, for the `field` of a `ServiceError`:
/// `party.organisationNumber` in a request, `appointments[3].to` in an imported file,
/// `roles[chair-carina-sammeli-2019].to` for a record found invalid by a later change.
public struct FieldPath: Sendable, Equatable {
    /// The path of the record the fields belong to; empty for the request's top level.
    public let prefix: String

    /// Fields at the top level of a request.
    public static let root = FieldPath("")

    /// Fields of the record at `prefix`.
    public init(_ prefix: String) {
        self.prefix = prefix
    }

    /// The path of `field` inside this record.
    public func callAsFunction(_ field: String) -> String {
        prefix.isEmpty ? field : "\(prefix).\(field)"
    }

    /// The path of a nested record, e.g. `party.invoicing`.
    public func nested(_ field: String) -> FieldPath {
        FieldPath(self(field))
    }

    /// The path of element `index` of list `name` in a document: `appointments[3]`.
    public static func element(_ name: String, _ index: Int) -> FieldPath {
        FieldPath("\(name)[\(index)]")
    }

    /// The path of the record with `id` in list `name`: `appointments[isak-utsi-2019]`.
    public static func record(_ name: String, _ id: String) -> FieldPath {
        FieldPath("\(name)[\(id)]")
    }
}
