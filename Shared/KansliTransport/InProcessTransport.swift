import KansliFraming
import KansliProtocol

/// A `ClientTransport` that hands each request straight to a `RequestHandler` in the same
/// process, as an authenticated connection would: no sockets, no threads, the same bytes.
///
/// Tests use it to run a real service's handler stack (a registry `ServiceHost`) behind the
/// client of another service; the same tests run over `TCPTransport` in the integration suite.
/// The payload limits of a frame still apply, so a call that would be refused on the wire is
/// refused here too.
public struct InProcessTransport: ClientTransport {
    private let handler: any RequestHandler
    private let keyID: String
    private let role: Role
    private let limits: FrameLimits
    private let name: String

    /// A transport into `handler`, calling as the key `keyID` holding `role`.
    public init(handler: any RequestHandler, keyID: String, role: Role, limits: FrameLimits = FrameLimits(),
                name: String = "in-process service") {
        self.handler = handler
        self.keyID = keyID
        self.role = role
        self.limits = limits
        self.name = name
    }

    /// A transport into `handler` (the service named `service`) as `credential`'s key, with the
    /// role `keyring` — that service's key file — grants it; refused like a handshake when the
    /// keyring does not know the key or holds another secret than the one derived for `service`.
    public init(handler: any RequestHandler, service: String, keyring: Keyring, credential: ClientCredential,
                limits: FrameLimits = FrameLimits(), name: String? = nil) throws(ServiceError) {
        guard let entry = keyring.entry(for: credential.keyID),
            entry.accepts(secret: credential.secret(forService: service))
        else {
            throw ServiceError(.unauthenticated, "authentication failed for key id \(ServiceError.quote(credential.keyID)) at the \(service) service: the key is unknown or the secret is wrong")
        }
        let name = name ?? "in-process \(service)"
        self.init(handler: handler, keyID: entry.keyID, role: entry.role, limits: limits, name: name)
    }

    public var peerDescription: String { name }

    public func close() {}

    public func roundTrip(_ request: OutgoingRequest, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8] {
        guard request.payload.count <= limits.maxDecompressedBytes else {
            throw .failed(ServiceError(.tooLarge, "the request payload has \(request.payload.count) bytes; the limit is \(limits.maxDecompressedBytes)"))
        }
        guard ContinuousClock.now < deadline else {
            throw .timeout(ServiceError(.timeout, "\(name): the deadline passed before the call"))
        }
        let incoming = IncomingRequest(method: request.methodID, requestID: request.requestID,
                                       idempotencyKey: request.idempotencyKey, payload: request.payload,
                                       keyID: keyID, role: role)
        switch handler.handle(incoming) {
        case .success(let response):
            guard response.count <= limits.maxDecompressedBytes else {
                throw .remote(ServiceError(.tooLarge, "the response payload has \(response.count) bytes; the limit is \(limits.maxDecompressedBytes)"))
            }
            return response
        case .failure(let error):
            throw .remote(error)
        }
    }
}
