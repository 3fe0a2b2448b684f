import KansliCrypto
import KansliProtocol
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A client of one Kansli service: typed calls over a `ClientTransport`.
///
/// This is the call layer: it encodes the request, gives the call its deadline
/// (`ClientOptions.callTimeout` or the call's own), retries with exponential backoff while the
/// transport reports the service unreachable or `unavailable` and the deadline has not passed,
/// and decodes the response. The transport under it moves bytes: `TCPTransport` (pooled,
/// authenticated connections) or `InProcessTransport` (a handler in the same process).
///
/// Writes (methods whose `access` is `.write`) carry one idempotency key for all their attempts,
/// so the server applies a retried write once. Errors are always `ServiceError`: the server's
/// own, or `unavailable`/`timeout` from the transport.
public final class ServiceClient: Sendable {
    /// What carries the bytes.
    public let transport: any ClientTransport
    public let options: ClientOptions
    private let requestIDs = Atomic<UInt32>(1)

    /// A client over `transport`.
    public init(transport: any ClientTransport, options: ClientOptions = ClientOptions()) {
        self.transport = transport
        self.options = options
    }

    /// A client of the service at `host:port` over TCP, authenticating as `credential`.
    public convenience init(host: String, port: Int, credential: ClientCredential, options: ClientOptions = ClientOptions()) {
        self.init(transport: TCPTransport(host: host, port: port, credential: credential, options: options), options: options)
    }

    /// Closes the transport's pooled connections. Calls made afterwards open new ones.
    public func close() {
        transport.close()
    }

    /// Calls `method` with `request` and returns its typed response.
    ///
    /// A write gets a fresh idempotency key for this call (shared by its retries) unless the
    /// caller passes one: a caller that records its key before calling can repeat the call after
    /// its own crash, or the service's restart, and the write is still applied once.
    /// `deadline`, when given, bounds the call instead of `timeout`; a service calling a peer
    /// passes the earlier of its own deadline and the peer timeout.
    public func call<Request, Response>(_ method: Method<Request, Response>, _ request: Request,
                                        timeout: Double? = nil, deadline: ContinuousClock.Instant? = nil,
                                        idempotencyKey: [UInt8]? = nil) throws(ServiceError) -> Response {
        let payload = try ProtocolCoding.encode(request)
        let response = try callRaw(methodID: method.id, payload: payload, isWrite: method.access == .write,
                                   timeout: timeout, deadline: deadline, idempotencyKey: idempotencyKey)
        return try ProtocolCoding.decode(Response.self, from: response, what: "\(method.name) response")
    }

    /// Sends an already-encoded request and returns the encoded response payload.
    public func callRaw(methodID: UInt16, payload: [UInt8], isWrite: Bool, timeout: Double? = nil,
                        deadline givenDeadline: ContinuousClock.Instant? = nil,
                        idempotencyKey givenKey: [UInt8]? = nil) throws(ServiceError) -> [UInt8] {
        if let givenKey, givenKey.count != 16 || givenKey.allSatisfy({ $0 == 0 }) {
            throw ServiceError(.badRequest, "an idempotency key is 16 bytes, not all zero", field: "idempotencyKey")
        }
        let budget = timeout ?? options.callTimeout
        let deadline = givenDeadline ?? ContinuousClock.now + .microseconds(Int64(budget * 1_000_000))
        let idempotencyKey = isWrite ? givenKey ?? SecureRandom.bytes(16) : nil
        var attempt = 0
        var backoff = options.initialBackoff
        var lastError = ServiceError(.timeout, "\(transport.peerDescription): the deadline passed before the first attempt")
        attempts: while attempt < max(1, options.maxAttempts) && ContinuousClock.now < deadline {
            attempt += 1
            let requestID = nextRequestID()
            let request = OutgoingRequest(methodID: methodID, requestID: requestID, idempotencyKey: idempotencyKey, payload: payload)
            let started = ContinuousClock.now
            do {
                return try transport.roundTrip(request, deadline: deadline)
            } catch {
                switch error {
                case .remote(let remote) where remote.code == .unavailable:
                    lastError = remote
                    // The server answered, after waiting on something of its own (a peer that does
                    // not answer, a busy database). An attempt that would take as long again and
                    // cannot finish before the deadline is not started: it would end in a timeout
                    // with a write's outcome unknown, where this answer is certain.
                    let again = (ContinuousClock.now - started) + .microseconds(Int64(backoff * 1_000_000))
                    if ContinuousClock.now + again >= deadline { break attempts }
                case .unavailable(let remote):
                    lastError = remote
                case .timeout(let timedOut):
                    throw ServiceError(.timeout, timedOut.message + " (\(attempt) attempt\(attempt == 1 ? "" : "s") within \(Self.format(seconds: budget)) s)")
                case .remote(let remote), .failed(let remote):
                    throw remote
                }
            }
            let remaining = ClientConnection.seconds(until: deadline)
            if ContinuousClock.now >= deadline || attempt >= options.maxAttempts { break attempts }
            Self.pause(seconds: min(backoff, remaining))
            backoff = min(backoff * 2, options.maxBackoff)
        }
        if attempt > 1 {
            lastError.message += " (gave up after \(attempt) attempts)"
        }
        throw lastError
    }

    /// The next request id, never 0 (which the protocol reserves for the connection itself),
    /// also when the counter wraps after 2³² calls.
    private func nextRequestID() -> UInt32 {
        while true {
            let id = requestIDs.wrappingAdd(1, ordering: .relaxed).oldValue
            if id != 0 { return id }
        }
    }

    private static func pause(seconds: Double) {
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    private static func format(seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
