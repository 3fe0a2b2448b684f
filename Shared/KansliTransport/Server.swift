import KansliPlatform
import KansliCrypto
import KansliFraming
import KansliProtocol
import Synchronization

/// A TCP server for Kansli's protocol: accepts connections, runs the handshake, reads request
/// frames and writes the handler's responses.
///
/// Concurrency model: one thread accepts; each admitted connection gets its own thread that reads
/// a request, calls the handler and writes the response (requests on one connection are answered
/// in order). A slow or silent client therefore holds up only its own thread.
///
/// Every wait has an absolute deadline, and each read waits only for the time left, so a peer
/// that trickles a byte at a time stretches none of them: the whole handshake must complete
/// within `handshakeTimeout`, a frame once begun must arrive whole within `readTimeout`, and a
/// connection with no frame in progress is closed `idleTimeout` after its last answer.
///
/// Connections still in the handshake are capped apart from authenticated ones
/// (`maxPendingHandshakes`, `maxConnections`), so half-open handshakes cannot take the places of
/// members. When the handshake places are full, a new connection takes the place of the oldest
/// one that has not yet sent its whole hello (a client sends its hello in one write as soon as it
/// connects; only a peer that trickles or stalls is still without one), so a slow trickle of
/// bytes can never hold a place a member needs — only a flood of new connections can, which is
/// a rate limit's job (deploy/README.md).
///
/// Shutdown (`shutdown()`): stop accepting, wake idle connections so they close, let connections
/// in the middle of a request finish and send their response, then return.
public final class Server: Sendable {
    public let configuration: ServerConfiguration
    /// The client keys; replaced whole by `replaceKeyring` (SIGHUP), read once per handshake.
    private let keyring: Mutex<Keyring>
    private let handler: any RequestHandler
    private let log: Log
    private let state = Mutex(State())
    private let statistics = Mutex(TransportStatistics())

    /// Set once shutdown begins; read by every connection after each request.
    private let draining = Atomic<Bool>(false)

    private struct State {
        var listener: Socket?
        var nextConnectionID = 0
        /// Open connections. Only admission, authentication and removal take this lock, never a
        /// request.
        var connections: [Int: OpenConnection] = [:]
        /// The connections still in the handshake (at most `maxPendingHandshakes`), by id; ids
        /// grow, so the smallest is the oldest.
        var pending: [Int: OpenConnection] = [:]
        /// Connections that completed the handshake and are still open.
        var authenticatedCount = 0
        /// Who each authenticated connection is, to close it when its key is removed or its
        /// role changes (`replaceKeyring`).
        var peers: [Int: Peer] = [:]
    }

    /// An authenticated peer: its key, the role granted, and the service secret it proved.
    struct Peer: Sendable {
        let keyID: String
        let role: Role
        let secret: [UInt8]
    }

    /// A connection as the server tracks it: its socket, whether it is in the middle of a
    /// request (an atomic, so answering a request takes no lock shared with other connections),
    /// and whether its hello has arrived.
    private final class OpenConnection: Sendable {
        let socket: Socket
        let busy = Atomic<Bool>(false)
        /// Set by the connection's thread once a whole hello frame has arrived; read (under the
        /// state lock) when choosing a half-open handshake to drop.
        let helloReceived = Atomic<Bool>(false)

        init(socket: Socket) {
            self.socket = socket
        }
    }

    public init(configuration: ServerConfiguration, keyring: Keyring, handler: any RequestHandler, log: Log) {
        self.configuration = configuration
        self.keyring = Mutex(keyring)
        self.handler = handler
        self.log = log
    }

    /// Replaces the client keys (SIGHUP): later handshakes use `keyring`, and every open
    /// connection whose key was removed, whose role changed, or whose secret is no longer among
    /// its key's is closed — after the request it may be answering, which was admitted under the
    /// old keys. Returns how many connections it closes.
    @discardableResult
    public func replaceKeyring(_ keyring: Keyring) -> Int {
        self.keyring.withLock { $0 = keyring }
        let closed = state.withLock { state -> Int in
            var count = 0
            for (id, peer) in state.peers {
                guard let entry = keyring.entry(for: peer.keyID), entry.role == peer.role, entry.accepts(secret: peer.secret)
                else {
                    // Only the read side: a request in flight still gets its answer, then the
                    // thread reads end of stream and closes.
                    state.connections[id]?.socket.shutdownRead()
                    count += 1
                    continue
                }
            }
            return count
        }
        log.info("keys_replaced", ["keys": String(keyring.count), "closed_connections": String(closed)])
        return closed
    }

    /// The counters since start.
    public var transportStatistics: TransportStatistics { statistics.withLock { $0 } }

    /// Binds, starts accepting on a background thread, and returns the port bound.
    public func start() throws -> Int {
        let listener = try Socket.listen(host: configuration.host, port: configuration.port)
        let port = try listener.localPort()
        state.withLock { $0.listener = listener }
        try PlatformThread.start(name: "\(configuration.serviceName)-accept") { [self] in acceptLoop(listener) }
        log.info("listening", ["host": configuration.host, "port": String(port)])
        return port
    }

    /// Stops accepting, closes idle connections, waits up to the grace period for requests in
    /// flight to finish, then closes whatever is left. Returns when every connection is closed
    /// or the grace period has passed.
    public func shutdown() {
        // Sequentially consistent: a connection either sees `draining` after its request, or had
        // already marked itself idle before this store, in which case the loop below wakes it.
        draining.store(true, ordering: .sequentiallyConsistent)
        let listener: Socket? = state.withLock { state in
            for (_, connection) in state.connections where !connection.busy.load(ordering: .sequentiallyConsistent) {
                connection.socket.shutdownRead()
            }
            defer { state.listener = nil }
            return state.listener
        }
        listener?.shutdownBoth()
        listener?.close()
        let deadline = ContinuousClock.now + .milliseconds(Int(configuration.shutdownGracePeriod * 1000))
        while ContinuousClock.now < deadline {
            if state.withLock({ $0.connections.isEmpty }) { break }
            PlatformThread.sleep(seconds: 0.005)
        }
        let stragglers = state.withLock { $0.connections.values.map(\.socket) }
        for socket in stragglers { socket.shutdownBoth() }
        log.info("stopped", ["abandoned_connections": String(stragglers.count)])
    }

    // MARK: Accepting

    private func acceptLoop(_ listener: Socket) {
        while true {
            let socket: Socket
            do {
                socket = try listener.accept()
            } catch {
                if draining.load(ordering: .sequentiallyConsistent) { return }
                // Out of descriptors or a transient failure: back off briefly rather than spin.
                log.warning("accept_failed", ["error": error.description])
                PlatformThread.sleep(seconds: 0.01)
                continue
            }
            admit(socket)
        }
    }

    private func admit(_ socket: Socket) {
        enum Admission { case admitted(Int, OpenConnection, evicted: Int?), full, draining }
        let admission: Admission = state.withLock { state in
            if draining.load(ordering: .sequentiallyConsistent) { return .draining }
            var evicted: Int?
            if state.pending.count >= configuration.maxPendingHandshakes {
                // Make room by dropping the oldest handshake still without a whole hello; if
                // every one has sent its hello, they are real clients mid-handshake: refuse.
                guard let victim = state.pending.filter({ !$0.value.helloReceived.load(ordering: .relaxed) })
                    .min(by: { $0.key < $1.key })
                else { return .full }
                state.pending.removeValue(forKey: victim.key)
                // Still in `connections`, so its thread has not closed the descriptor yet.
                victim.value.socket.shutdownBoth()
                evicted = victim.key
            }
            let id = state.nextConnectionID
            state.nextConnectionID += 1
            let connection = OpenConnection(socket: socket)
            state.connections[id] = connection
            state.pending[id] = connection
            return .admitted(id, connection, evicted: evicted)
        }
        switch admission {
        case .draining:
            socket.close()
        case .full:
            refuse(socket, ServiceError(.unavailable, "the server has \(configuration.maxPendingHandshakes) handshakes in progress, its limit; retry later"),
                   reason: "handshake_limit")
        case .admitted(let id, let connection, let evicted):
            if let evicted {
                statistics.withLock { $0.evictedHandshakes += 1 }
                log.debug("handshake_evicted", ["connection": String(evicted), "reason": "handshake_limit"])
            }
            statistics.withLock {
                $0.acceptedConnections += 1
                $0.openConnections += 1
            }
            do {
                try PlatformThread.start(name: "\(configuration.serviceName)-conn-\(id)", stackSize: 1 << 20) { [self] in
                    serve(id: id, connection: connection)
                }
            } catch {
                // Out of threads or memory: this connection cannot be served; the others go on.
                log.error("thread_start_failed", ["connection": String(id), "error": error.description])
                state.withLock { _ = $0.connections.removeValue(forKey: id) }
                statistics.withLock { $0.openConnections -= 1 }
                connection.socket.close()
            }
        }
    }

    /// Answers a connection the server will not serve with `error` (best effort, within a short
    /// deadline, since the accept thread waits for it) and closes it.
    private func refuse(_ socket: Socket, _ error: ServiceError, reason: String) {
        statistics.withLock { $0.refusedConnections += 1 }
        log.warning("connection_refused", ["reason": reason])
        let channel = FrameChannel(socket: socket, limits: configuration.frameLimits)
        channel.sendError(error, requestID: 0, method: 0, deadline: .now + .milliseconds(100))
        socket.close()
    }

    // MARK: Serving one connection

    private func serve(id: Int, connection: OpenConnection) {
        let socket = connection.socket
        let authenticated = Atomic<Bool>(false)
        defer {
            state.withLock { state in
                _ = state.connections.removeValue(forKey: id)
                _ = state.pending.removeValue(forKey: id)
                _ = state.peers.removeValue(forKey: id)
                if authenticated.load(ordering: .relaxed) { state.authenticatedCount -= 1 }
            }
            statistics.withLock { $0.openConnections -= 1 }
            socket.close()
        }
        let channel = FrameChannel(socket: socket, limits: configuration.frameLimits)
        do {
            guard let peer = try handshake(channel, connection: connection) else { return }
            enum Promotion { case promoted, full, evicted }
            let promotion: Promotion = state.withLock { state in
                guard state.pending.removeValue(forKey: id) != nil else { return .evicted }
                guard state.authenticatedCount < configuration.maxConnections else { return .full }
                // A keyring replaced during the handshake may have removed the key already.
                guard let entry = keyring.withLock({ $0.entry(for: peer.keyID) }), entry.role == peer.role,
                    entry.accepts(secret: peer.secret)
                else { return .evicted }
                state.authenticatedCount += 1
                state.peers[id] = peer
                authenticated.store(true, ordering: .relaxed)
                return .promoted
            }
            switch promotion {
            case .evicted:
                return
            case .full:
                statistics.withLock { $0.refusedConnections += 1 }
                log.warning("connection_refused", ["reason": "limit", "limit": String(configuration.maxConnections)])
                channel.sendError(ServiceError(.unavailable, "the server has reached its limit of \(configuration.maxConnections) connections; retry later"),
                                  requestID: 0, method: 0, deadline: writeDeadline())
                return
            case .promoted:
                break
            }
            try requestLoop(id: id, connection: connection, channel: channel, peer: peer)
        } catch let error as ServiceError {
            statistics.withLock { $0.protocolErrors += 1 }
            log.warning("connection_error", ["connection": String(id), "code": error.code.rawValue, "error": error.message])
            channel.sendError(error, requestID: 0, method: 0, deadline: writeDeadline())
        } catch let error as FramingError {
            statistics.withLock { $0.protocolErrors += 1 }
            log.warning("connection_error", ["connection": String(id), "code": error.code.description, "error": error.message])
            // A peer that does not even send our magic is not speaking this protocol: just close.
            if error.code != .badMagic {
                channel.sendError(error.serviceError, requestID: error.requestID ?? 0, method: 0, deadline: writeDeadline())
            }
        } catch let stalled as FrameChannel.Stalled {
            statistics.withLock { $0.protocolErrors += 1 }
            let what = stalled.closed ? "connection closed" : "timed out"
            log.warning("connection_error", ["connection": String(id), "code": ErrorCode.badRequest.rawValue,
                                             "error": "\(what) in the middle of a frame"])
            if !stalled.closed {
                channel.sendError(ServiceError(.badRequest, "\(what) in the middle of a frame (\(stalled.bufferedBytes) bytes received)"),
                                  requestID: 0, method: 0, deadline: writeDeadline())
            }
        } catch {
            // Socket errors: the peer is gone or stuck; nothing to tell it.
            log.debug("connection_closed", ["connection": String(id), "error": "\(error)"])
        }
    }

    /// The deadline of a write that starts now.
    private func writeDeadline() -> ContinuousClock.Instant {
        .now + Server.duration(configuration.writeTimeout)
    }

    static func duration(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((max(0, seconds) * 1e9).rounded(.up)))
    }

    private func requestLoop(id: Int, connection: OpenConnection, channel: FrameChannel, peer: Peer) throws {
        let idleLimit = Server.duration(configuration.idleTimeout)
        let frameLimit = Server.duration(configuration.readTimeout)
        var idleSince = ContinuousClock.now
        while true {
            switch try channel.receive(.init(idle: idleSince + idleLimit, frame: frameLimit, overall: nil)) {
            case .closed:
                return
            case .idle:
                log.debug("idle_timeout", ["connection": String(id)])
                return
            case .frame(let frame):
                guard frame.kind == .request else {
                    throw ServiceError(.badRequest, "expected a request frame, got \(frame.kind)")
                }
                guard frame.requestID != 0 else {
                    // 0 names the connection in error frames; an answer to it could not be told
                    // from one (§2.2).
                    throw ServiceError(.badRequest, "request id 0 is reserved for errors about the connection; use 1…4294967295")
                }
                connection.busy.store(true, ordering: .sequentiallyConsistent)
                let request = IncomingRequest(
                    method: frame.method, requestID: frame.requestID,
                    idempotencyKey: frame.idempotencyKey.allSatisfy { $0 == 0 } ? nil : frame.idempotencyKey,
                    payload: frame.payload, keyID: peer.keyID, role: peer.role)
                var outcome = handler.handle(request)
                // The request is answered: mark the connection idle before sending, so that after
                // the send the thread goes straight back to `recv` (a shutdown that sees it idle
                // stops only the read side; the answer still goes out).
                connection.busy.store(false, ordering: .sequentiallyConsistent)
                idleSince = ContinuousClock.now
                if case .success(let payload) = outcome {
                    do {
                        try channel.send(kind: .response, requestID: frame.requestID, method: frame.method, payload: payload,
                                         deadline: writeDeadline())
                    } catch let error as ServiceError {
                        outcome = .failure(error)  // the response does not fit in a frame
                    }
                }
                if case .failure(let error) = outcome {
                    let payload = try ProtocolCoding.encode(error)
                    try channel.send(kind: .error, requestID: frame.requestID, method: frame.method, payload: payload,
                                     deadline: writeDeadline())
                }
                if draining.load(ordering: .sequentiallyConsistent) { return }
            }
        }
    }

    // MARK: Handshake

    private func handshake(_ channel: FrameChannel, connection: OpenConnection) throws -> Peer? {
        let deadline = ContinuousClock.now + Server.duration(configuration.handshakeTimeout)
        let deadlines = FrameChannel.Deadlines(idle: deadline, frame: Server.duration(configuration.readTimeout), overall: deadline)
        /// The next frame, or nil when the peer closed or the handshake ran out of time.
        func nextFrame() throws -> Frame? {
            let received: FrameChannel.Received
            do {
                received = try channel.receive(deadlines)
            } catch let stalled as FrameChannel.Stalled where !stalled.closed && ContinuousClock.now >= deadline {
                received = .idle  // the handshake's deadline, not a frame's, ran out
            }
            switch received {
            case .frame(let frame):
                return frame
            case .closed:
                return nil
            case .idle:
                statistics.withLock { $0.failedHandshakes += 1 }
                log.debug("handshake_timeout", ["timeout": String(configuration.handshakeTimeout)])
                channel.sendError(ServiceError(.timeout, "the handshake did not complete within \(configuration.handshakeTimeout) s"),
                                  requestID: 0, method: 0, deadline: .now + .milliseconds(100))
                return nil
            }
        }
        guard let helloFrame = try nextFrame() else { return nil }
        connection.helloReceived.store(true, ordering: .relaxed)
        guard helloFrame.kind == .hello else {
            failHandshake(channel, ServiceError(.unauthenticated, "the connection must begin with a hello frame, got \(helloFrame.kind)"))
            return nil
        }
        if let error = Server.checkHandshakeIDs(helloFrame) {
            failHandshake(channel, error)
            return nil
        }
        let hello: Handshake.Hello
        do {
            hello = try ProtocolCoding.decode(Handshake.Hello.self, from: helloFrame.payload, what: "hello")
            try hello.validate()
        } catch {
            failHandshake(channel, error)
            return nil
        }
        guard let version = hello.versions.filter(HandshakeCrypto.supportedVersions.contains).max() else {
            // `versions` has at most 16 entries (validated), so the message stays short.
            failHandshake(channel, ServiceError(.unsupportedVersion, "this server speaks protocol versions \(HandshakeCrypto.supportedVersions); the client offered \(hello.versions)"))
            return nil
        }
        let serverNonce = SecureRandom.bytes(HandshakeCrypto.nonceByteCount)
        let challenge = Handshake.Challenge(version: version, serverNonce: serverNonce, service: configuration.serviceName)
        try channel.send(kind: .challenge, requestID: 0, method: 0, payload: try ProtocolCoding.encode(challenge),
                         deadline: min(deadline, writeDeadline()))

        guard let authFrame = try nextFrame() else { return nil }
        guard authFrame.kind == .authenticate else {
            failHandshake(channel, ServiceError(.unauthenticated, "expected an authenticate frame, got \(authFrame.kind)"))
            return nil
        }
        if let error = Server.checkHandshakeIDs(authFrame) {
            failHandshake(channel, error)
            return nil
        }
        let authenticate: Handshake.Authenticate
        do {
            authenticate = try ProtocolCoding.decode(Handshake.Authenticate.self, from: authFrame.payload, what: "authenticate")
            try authenticate.validate()
        } catch {
            failHandshake(channel, error)
            return nil
        }
        let crypto = HandshakeCrypto(offeredVersions: hello.versions, version: version, keyID: hello.keyID,
                                     clientNonce: hello.clientNonce, serverNonce: serverNonce, service: configuration.serviceName)
        guard let entry = keyring.withLock({ $0.entry(for: hello.keyID) }),
            let secret = entry.secrets.first(where: { ConstantTime.equals(crypto.clientProof(secret: $0), authenticate.proof) })
        else {
            log.warning("authentication_failed", ["key_id": hello.keyID])
            failHandshake(channel, ServiceError(.unauthenticated, "authentication failed for key id \"\(hello.keyID)\": the key is unknown or the secret is wrong"))
            return nil
        }
        let welcome = Handshake.Welcome(role: entry.role, proof: crypto.serverProof(secret: secret, role: entry.role))
        try channel.send(kind: .welcome, requestID: 0, method: 0, payload: try ProtocolCoding.encode(welcome),
                         deadline: min(deadline, writeDeadline()))
        channel.establishSession(sendKey: crypto.serverToClientKey(secret: secret),
                                 receiveKey: crypto.clientToServerKey(secret: secret))
        return Peer(keyID: entry.keyID, role: entry.role, secret: secret)
    }

    /// Handshake frames carry request id 0 and method 0 in both directions (§2.2); anything else
    /// is a client that does not follow the protocol.
    static func checkHandshakeIDs(_ frame: Frame) -> ServiceError? {
        guard frame.requestID == 0, frame.method == 0 else {
            return ServiceError(.badRequest, "a \(frame.kind) frame must carry request id 0 and method 0, got \(frame.requestID) and \(frame.method)")
        }
        return nil
    }

    private func failHandshake(_ channel: FrameChannel, _ error: ServiceError) {
        statistics.withLock { $0.failedHandshakes += 1 }
        channel.sendError(error, requestID: 0, method: 0, deadline: writeDeadline())
    }
}
