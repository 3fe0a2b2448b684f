/// What a frame is: byte 5 of the header.
///
/// The raw values are part of the wire format and never change. A byte that is not one of these
/// values is refused by the parser with ``FramingError/Code/unknownKind``.
public enum FrameKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A client's call of a method; carries a request id, a method id and, for writes, an
    /// idempotency key.
    case request = 1
    /// The successful answer to the request with the same request id.
    case response = 2
    /// The failed answer to the request with the same request id (request id 0: the connection).
    case error = 3
    /// Handshake, client → server: the client introduces itself.
    case hello = 16
    /// Handshake, server → client: the server's challenge.
    case challenge = 17
    /// Handshake, client → server: the client's proof.
    case authenticate = 18
    /// Handshake, server → client: the session is established.
    case welcome = 19

    /// Whether the kind belongs to the connection handshake (its method id is 0).
    public var isHandshake: Bool {
        switch self {
        case .hello, .challenge, .authenticate, .welcome: true
        case .request, .response, .error: false
        }
    }

    /// The lowercase name, as in the protocol spec (`request`, `hello`, …).
    public var description: String {
        switch self {
        case .request: "request"
        case .response: "response"
        case .error: "error"
        case .hello: "hello"
        case .challenge: "challenge"
        case .authenticate: "authenticate"
        case .welcome: "welcome"
        }
    }
}
