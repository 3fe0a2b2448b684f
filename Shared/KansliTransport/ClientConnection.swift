import KansliCrypto
import KansliFraming
import KansliProtocol

/// One authenticated connection of a client.
///
/// `@unchecked Sendable`: a connection sits in the client's pool (behind its `Mutex`) or is
/// checked out by exactly one call at a time; it is never used by two threads at once.
final class ClientConnection: @unchecked Sendable {
    let channel: FrameChannel
    /// The role the server granted the key.
    let role: Role

    private init(channel: FrameChannel, role: Role) {
        self.channel = channel
        self.role = role
    }

    /// Connects and runs the handshake. Throws `ServiceError` (`unauthenticated`,
    /// `unsupported_version` …) when the server refuses, `Errno` on socket failures.
    /// `deadline` bounds the whole handshake, connect included.
    static func open(host: String, port: Int, credential: ClientCredential, options: ClientOptions,
                     deadline: ContinuousClock.Instant) throws -> ClientConnection {
        guard ContinuousClock.now < deadline else {
            throw ServiceError(.timeout, "the deadline passed before connecting to \(host):\(port)")
        }
        let socket = try Socket.connect(host: host, port: port,
                                        timeout: min(options.connectTimeout, ClientConnection.seconds(until: deadline)))
        let channel = FrameChannel(socket: socket, limits: options.frameLimits)

        let clientNonce = SecureRandom.bytes(HandshakeCrypto.nonceByteCount)
        let hello = Handshake.Hello(versions: HandshakeCrypto.supportedVersions, keyID: credential.keyID, clientNonce: clientNonce)
        try channel.send(kind: .hello, requestID: 0, method: 0, payload: try ProtocolCoding.encode(hello), deadline: deadline)
        let challenge = try ProtocolCoding.decode(Handshake.Challenge.self, from: try expect(.challenge, on: channel, deadline: deadline),
                                                  what: "challenge")
        // The server chooses among the versions offered: anything else is not an answer to us.
        guard hello.versions.contains(challenge.version) else {
            throw ServiceError(.unsupportedVersion, "the server chose protocol version \(challenge.version), which this client does not speak")
        }
        guard challenge.serverNonce.count == HandshakeCrypto.nonceByteCount else {
            throw ServiceError(.badRequest, "the server nonce must be \(HandshakeCrypto.nonceByteCount) bytes")
        }
        guard Handshake.isValid(serviceName: challenge.service) else {
            throw ServiceError(.badRequest, "the server names itself \(ServiceError.quote(challenge.service)), not a service name")
        }
        if let expected = options.expectedService, expected != challenge.service {
            throw ServiceError(.unavailable, "\(host):\(port) is the \(challenge.service) service, not \(expected); check the address")
        }
        let crypto = HandshakeCrypto(offeredVersions: hello.versions, version: challenge.version, keyID: credential.keyID,
                                     clientNonce: clientNonce, serverNonce: challenge.serverNonce, service: challenge.service)
        // The secret this service holds for the key, not the client secret itself (§4.1).
        let secret = credential.secret(forService: challenge.service)
        let authenticate = Handshake.Authenticate(proof: crypto.clientProof(secret: secret))
        try channel.send(kind: .authenticate, requestID: 0, method: 0, payload: try ProtocolCoding.encode(authenticate), deadline: deadline)
        let welcome = try ProtocolCoding.decode(Handshake.Welcome.self, from: try expect(.welcome, on: channel, deadline: deadline),
                                                what: "welcome")
        // The proof covers the role too: a role altered in transit fails here.
        guard ConstantTime.equals(welcome.proof, crypto.serverProof(secret: secret, role: welcome.role)) else {
            throw ServiceError(.unauthenticated, "the server at \(host):\(port) could not prove it holds the secret of key \"\(credential.keyID)\"")
        }
        channel.establishSession(sendKey: crypto.clientToServerKey(secret: secret),
                                 receiveKey: crypto.serverToClientKey(secret: secret))
        return ClientConnection(channel: channel, role: welcome.role)
    }

    /// Waits for a frame of `kind`; an error frame becomes the `ServiceError` it carries.
    private static func expect(_ kind: FrameKind, on channel: FrameChannel, deadline: ContinuousClock.Instant) throws -> [UInt8] {
        switch try receive(on: channel, deadline: deadline, during: "the handshake") {
        case .closed:
            throw ServiceError(.unavailable, "the server closed the connection during the handshake")
        case .idle:
            throw ServiceError(.timeout, "the server did not answer the handshake in time")
        case .frame(let frame):
            if frame.kind == .error {
                throw try ProtocolCoding.decode(ServiceError.self, from: frame.payload, what: "error")
            }
            guard frame.kind == kind else {
                throw ServiceError(.badRequest, "expected a \(kind) frame in the handshake, got \(frame.kind)")
            }
            guard frame.requestID == 0, frame.method == 0 else {
                throw ServiceError(.badRequest, "the server's \(kind) frame carries request id \(frame.requestID) and method \(frame.method); both must be 0")
            }
            return frame.payload
        }
    }

    /// Sends one request and waits for its response. Returns the response payload; throws the
    /// server's `ServiceError` for an error frame, `Errno`/transport errors otherwise.
    /// `deadline` bounds the send and the wait for the answer, every byte of it.
    /// An error frame with request id 0 is about the connection, not the request (the server
    /// names no request when it cannot, e.g. a frame it could not parse or verify); it throws
    /// `ConnectionError` and the connection must not be reused.
    func roundTrip(method: UInt16, requestID: UInt32, idempotencyKey: [UInt8]?, payload: [UInt8],
                   deadline: ContinuousClock.Instant) throws -> [UInt8] {
        try channel.send(kind: .request, requestID: requestID, method: method, idempotencyKey: idempotencyKey, payload: payload,
                         deadline: deadline)
        switch try ClientConnection.receive(on: channel, deadline: deadline, during: "the response") {
        case .closed:
            throw ConnectionLost(reason: "the server closed the connection")
        case .idle:
            throw ServiceError(.timeout, "no response within the call timeout")
        case .frame(let frame):
            return try ClientConnection.answer(frame, to: requestID)
        }
    }

    /// What `frame` says about request `requestID`: its payload, or the error it carries.
    static func answer(_ frame: Frame, to requestID: UInt32) throws -> [UInt8] {
        if frame.kind == .error && frame.requestID == 0 && requestID != 0 {
            throw ConnectionError(error: try ProtocolCoding.decode(ServiceError.self, from: frame.payload, what: "error"))
        }
        guard frame.requestID == requestID else {
            throw ServiceError(.badRequest, "response for request \(frame.requestID) arrived while waiting for \(requestID)")
        }
        switch frame.kind {
        case .response:
            return frame.payload
        case .error:
            throw RemoteError(error: try ProtocolCoding.decode(ServiceError.self, from: frame.payload, what: "error"))
        default:
            throw ServiceError(.badRequest, "expected a response frame, got \(frame.kind)")
        }
    }

    /// Receives on `channel` by `deadline` (each read waits only for the time left, so a server
    /// that trickles its answer cannot stretch the call), reporting a malformed frame from the
    /// server as a `ServiceError`.
    private static func receive(on channel: FrameChannel, deadline: ContinuousClock.Instant,
                                during what: String) throws -> FrameChannel.Received {
        do {
            return try channel.receive(.until(deadline))
        } catch let error as FramingError {
            throw ServiceError(.badRequest, "the server sent a malformed frame: \(error.message)")
        } catch let stalled as FrameChannel.Stalled {
            if stalled.closed {
                throw ConnectionLost(reason: "the server closed the connection in the middle of a frame during \(what)")
            }
            throw ServiceError(.timeout, "\(what) was not complete within the deadline (\(stalled.bufferedBytes) bytes of a frame received)")
        }
    }

    func close() {
        channel.socket.close()
    }

    /// Seconds from now until `deadline`, at least a microsecond (0 would mean "no timeout").
    static func seconds(until deadline: ContinuousClock.Instant) -> Double {
        let left = deadline - ContinuousClock.now
        return max(0.000_001, Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18)
    }
}

/// The connection ended before a response arrived: safe to retry on a new connection.
struct ConnectionLost: Error {
    let reason: String
}

/// An error frame the server sent in answer to a request.
struct RemoteError: Error {
    let error: ServiceError
}

/// An error frame with request id 0: the server refused the connection itself (a frame it could
/// not parse or verify, a limit) and closes it. Not an answer to the request.
struct ConnectionError: Error {
    let error: ServiceError
}
