/// A failure as it travels between Kansli's processes and as it reaches people: a stable code, a
/// message that says what is wrong and what to do, and the offending field where there is one.
///
/// Domain code throws `ServiceError` directly; the service runtime turns any other error into
/// `internal`, and the transport sends it as an error frame.
public struct ServiceError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// The stable code clients branch on.
    public var code: ErrorCode
    /// A sentence for a person: what is wrong, with the offending value where it helps.
    public var message: String
    /// The request field at fault, as a dotted path (`parties[2].organisationNumber`), if any.
    public var field: String?

    public init(_ code: ErrorCode, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String {
        if let field { return "\(code): \(field): \(message)" }
        return "\(code): \(message)"
    }

    /// A `validation` error naming `field`.
    public static func validation(_ message: String, field: String? = nil) -> ServiceError {
        ServiceError(.validation, message, field: field)
    }

    /// A `not_found` error naming `field`.
    public static func notFound(_ message: String, field: String? = nil) -> ServiceError {
        ServiceError(.notFound, message, field: field)
    }

    /// A `conflict` error naming `field`.
    public static func conflict(_ message: String, field: String? = nil) -> ServiceError {
        ServiceError(.conflict, message, field: field)
    }
}
