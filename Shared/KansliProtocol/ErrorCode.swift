/// A stable, machine-readable error code. It travels as its string value; new codes may be
/// added without breaking older clients, which treat an unknown code like `internal`.
public struct ErrorCode: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// The request could not be understood: a malformed frame or payload, a wrong type.
    public static let badRequest = ErrorCode(rawValue: "bad_request")
    /// The request was understood but breaks a rule of the domain (an invalid organisationsnummer,
    /// an appointment outside the party's membership). `field` names the offending field.
    public static let validation = ErrorCode(rawValue: "validation")
    /// A record the request refers to does not exist.
    public static let notFound = ErrorCode(rawValue: "not_found")
    /// The request collides with existing state (a duplicate, a frozen record).
    public static let conflict = ErrorCode(rawValue: "conflict")
    /// The handshake failed, or a request arrived before it completed.
    public static let unauthenticated = ErrorCode(rawValue: "unauthenticated")
    /// The caller's key does not hold the role the method needs.
    public static let forbidden = ErrorCode(rawValue: "forbidden")
    /// The service cannot answer now (shutting down, overloaded, a dependency is down); retry later.
    public static let unavailable = ErrorCode(rawValue: "unavailable")
    /// A frame, payload or value is larger than the limits allow.
    public static let tooLarge = ErrorCode(rawValue: "too_large")
    /// The peer speaks a protocol version this side does not.
    public static let unsupportedVersion = ErrorCode(rawValue: "unsupported_version")
    /// The method id is not one this service answers.
    public static let unknownMethod = ErrorCode(rawValue: "unknown_method")
    /// The call did not complete within its deadline (raised by clients, never sent).
    public static let timeout = ErrorCode(rawValue: "timeout")
    /// A bug or an unexpected failure on the server; the message says what, the log says more.
    public static let `internal` = ErrorCode(rawValue: "internal")

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
