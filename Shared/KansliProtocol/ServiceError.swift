/// A failure as it travels between Kansli's processes and as it reaches people: a stable code, a
/// message that says what is wrong and what to do, and the offending field where there is one.
///
/// `cause` keeps the underlying error (a SQLite failure, a coder error) for the service's log and
/// for tests; it never travels: the wire carries only code, message and field, and the message
/// must make sense to a person without it (no SQL, no Swift type names). Domain code throws
/// `ServiceError` directly; the service runtime turns any other error into one.
public struct ServiceError: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// The stable code clients branch on.
    public var code: ErrorCode
    /// A sentence for a person: what is wrong, with the offending value (shortened, see
    /// `quote`) where it helps.
    public var message: String
    /// The request field at fault, as a dotted path (`parties[2].organisationNumber`), if any.
    public var field: String?
    /// The error behind this one, for logs and tests; not encoded, not compared.
    public var cause: (any Error & Sendable)?

    public init(_ code: ErrorCode, _ message: String, field: String? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.cause = cause
    }

    private enum CodingKeys: String, CodingKey {
        case code, message, field
    }

    public static func == (lhs: ServiceError, rhs: ServiceError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.field == rhs.field
    }

    public var description: String {
        if let field { return "\(code): \(field): \(message)" }
        return "\(code): \(message)"
    }

    /// `description` followed by the chain of causes, for logs.
    public var logDescription: String {
        guard let cause else { return description }
        if let inner = cause as? ServiceError { return "\(description); caused by \(inner.logDescription)" }
        return "\(description); caused by \(String(describing: cause))"
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

    /// The longest piece of untrusted input a message quotes, in characters.
    public static let quoteLimit = 48

    /// `text` in double quotes for a message, shortened to `limit` characters with `…` when
    /// longer, and with control characters shown as `\u{…}` escapes: input from the network is
    /// quoted only this way, so a 1 MiB value can never make a 1 MiB message or log line.
    public static func quote(_ text: some StringProtocol, limit: Int = quoteLimit) -> String {
        var result = "\""
        var count = 0
        for character in text {
            if count == limit {
                result += "…"
                break
            }
            for scalar in character.unicodeScalars {
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\" {
                    result += scalar == "\"" ? "\\\"" : scalar == "\\" ? "\\\\" : "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return result + "\""
    }
}
