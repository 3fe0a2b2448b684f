import KansliProtocol

/// A request that passed the handshake and the frame checks, as the server hands it on.
public struct IncomingRequest: Sendable {
    /// The method id from the frame header.
    public let method: UInt16
    /// The client's request id, echoed in the response.
    public let requestID: UInt32
    /// The 16-byte idempotency key, or nil when the client sent none (all zero).
    public let idempotencyKey: [UInt8]?
    /// The payload, decompressed, still encoded.
    public let payload: [UInt8]
    /// The authenticated client key.
    public let keyID: String
    /// The role that key holds.
    public let role: Role

    public init(method: UInt16, requestID: UInt32, idempotencyKey: [UInt8]?, payload: [UInt8],
                keyID: String, role: Role) {
        self.method = method
        self.requestID = requestID
        self.idempotencyKey = idempotencyKey
        self.payload = payload
        self.keyID = keyID
        self.role = role
    }
}

/// What answers requests: the service runtime implements it; the server calls it on the
/// connection's thread, so it may block (on SQLite) but should not sleep.
public protocol RequestHandler: Sendable {
    /// Answers one request with an encoded response payload, or a `ServiceError` to send back.
    func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError>
}
