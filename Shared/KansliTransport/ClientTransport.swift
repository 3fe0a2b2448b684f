import KansliProtocol

/// One request as a transport carries it: already encoded, with the ids the frame header needs.
public struct OutgoingRequest: Sendable {
    /// The method id.
    public let methodID: UInt16
    /// The request id the response must echo.
    public let requestID: UInt32
    /// The write's idempotency key (16 bytes), or nil for a read.
    public let idempotencyKey: [UInt8]?
    /// The encoded request value.
    public let payload: [UInt8]

    public init(methodID: UInt16, requestID: UInt32, idempotencyKey: [UInt8]?, payload: [UInt8]) {
        self.methodID = methodID
        self.requestID = requestID
        self.idempotencyKey = idempotencyKey
        self.payload = payload
    }
}

/// How a transport failed to deliver a request or its answer. The call layer (`ServiceClient`)
/// decides from the case alone whether to retry.
public enum TransportError: Error, Sendable {
    /// The service answered the request with this error frame.
    case remote(ServiceError)
    /// The request did not get an answer (the service is unreachable, the connection broke,
    /// the service was shutting down); the same request may be sent again.
    case unavailable(ServiceError)
    /// No answer came before the deadline.
    case timeout(ServiceError)
    /// Anything else (a refused handshake, a malformed frame from the service): do not retry.
    case failed(ServiceError)

    /// The error a caller sees.
    public var serviceError: ServiceError {
        switch self {
        case .remote(let error), .unavailable(let error), .timeout(let error), .failed(let error): error
        }
    }
}

/// What moves a request to a service and its answer back: a TCP connection pool
/// (`TCPTransport`) or a direct call into a handler in the same process (`InProcessTransport`).
///
/// A transport knows bytes and connections, never message types; `ServiceClient` (the call
/// layer) does the coding, the retries and the deadline above it.
public protocol ClientTransport: Sendable {
    /// Names the other end in messages: `127.0.0.1:7401`, `in-process registry`.
    var peerDescription: String { get }
    /// Sends `request` and returns the response payload. Never waits past `deadline`.
    func roundTrip(_ request: OutgoingRequest, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8]
    /// Releases whatever the transport holds (pooled connections); later calls open new ones.
    func close()
}
