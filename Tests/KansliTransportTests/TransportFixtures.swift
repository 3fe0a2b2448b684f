import Foundation
import KansliCoding
import KansliCrypto
import KansliFraming
import KansliProtocol
import KansliTestSupport
import Synchronization
@testable import KansliTransport

/// A handler for transport tests: echoes the payload, or does what the method id says.
///   1: echo     2: sleep 300 ms then echo     3: `unavailable` on the first call of each
///   idempotency key, then echo     4: return a 5 MiB response (too large)     5: sleep 2 s
final class TestHandler: RequestHandler {
    let calls = Mutex<[IncomingRequest]>([])
    /// Signalled when a method-2 (slow) request reaches the handler.
    let slowRequestReached = DispatchSemaphore(value: 0)

    func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError> {
        let seenBefore = calls.withLock { calls in
            defer { calls.append(request) }
            return calls.contains { $0.idempotencyKey != nil && $0.idempotencyKey == request.idempotencyKey }
        }
        switch request.method {
        case 2:
            slowRequestReached.signal()
            Thread.sleep(forTimeInterval: 0.3)
        case 3 where !seenBefore: return .failure(ServiceError(.unavailable, "try again"))
        case 4: return .success(SecureRandom.bytes(5 << 20))  // random: does not compress below 4 MiB
        case 5: Thread.sleep(forTimeInterval: 2)
        default: break
        }
        return .success(request.payload)
    }
}

/// A server on a free loopback port with test keys.
struct TestServer {
    let server: Server
    let port: Int
    let keys: TestKeys
    let handler: TestHandler

    init(configure: (inout ServerConfiguration) -> Void = { _ in }, keyring: Keyring? = nil) throws {
        keys = try TestKeys()
        handler = TestHandler()
        var configuration = ServerConfiguration(serviceName: "test")
        configuration.readTimeout = 0.5
        configure(&configuration)
        server = Server(configuration: configuration, keyring: try keyring ?? keys.keyring(forService: "test"), handler: handler,
                        log: Log(service: "test", level: .error, flushInterval: 0))
        port = try server.start()
    }

    func client(_ credential: ClientCredential? = nil, configure: (inout ClientOptions) -> Void = { _ in }) -> ServiceClient {
        var options = ClientOptions()
        options.callTimeout = 5
        configure(&options)
        return ServiceClient(host: "127.0.0.1", port: port, credential: credential ?? keys.admin, options: options)
    }

    /// A raw socket connected to the server, for sending hand-made bytes.
    func rawSocket() throws -> Socket {
        let socket = try Socket.connect(host: "127.0.0.1", port: port, timeout: 2)
        try socket.setReceiveTimeout(3)
        return socket
    }
}

/// Reads frames from a raw socket until one arrives or the peer closes.
func readFrame(_ socket: Socket) throws -> Frame? {
    var parser = FrameParser()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        if let frame = try parser.nextFrame() { return frame }
        let count = try buffer.withUnsafeMutableBytes { try socket.read(into: $0) }
        if count == 0 { return nil }
        parser.append(buffer[0..<count])
    }
}

/// Reads until the peer closes (or resets); returns whether it did within the socket's receive
/// timeout.
func peerCloses(_ socket: Socket) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        do {
            let count = try buffer.withUnsafeMutableBytes { try socket.read(into: $0) }
            if count == 0 { return true }
        } catch {
            // A reset is a close too: the server closed with bytes of ours still unread.
            return (error as? Errno)?.code == ECONNRESET
        }
    }
}

/// Decodes the `ServiceError` an error frame carries.
func serviceError(in frame: Frame?) throws -> ServiceError? {
    guard let frame, frame.kind == .error else { return nil }
    return try BinaryDecoder().decode(ServiceError.self, from: frame.payload)
}

/// Runs the client side of the handshake by hand on a raw socket, returning the session's
/// client→server MAC state, so a test can send hand-made authenticated frames.
func handshakeByHand(_ socket: Socket, credential: ClientCredential) throws -> SessionMAC {
    let clientNonce = [UInt8](repeating: 1, count: 32)
    let hello = try BinaryEncoder().encode(Handshake.Hello(versions: [2], keyID: credential.keyID, clientNonce: clientNonce))
    try socket.writeAll(try FrameWriter.encode(kind: .hello, requestID: 0, payload: hello))
    let answer = try readFrame(socket)
    guard let challengeFrame = answer, challengeFrame.kind == .challenge else {
        throw ServiceError(.internal, "no challenge: \(answer.map { "\($0.kind) \((try? serviceError(in: $0))??.message ?? "")" } ?? "closed")")
    }
    let challenge = try BinaryDecoder().decode(Handshake.Challenge.self, from: challengeFrame.payload)
    let crypto = HandshakeCrypto(offeredVersions: [2], version: challenge.version, keyID: credential.keyID,
                                 clientNonce: clientNonce, serverNonce: challenge.serverNonce, service: challenge.service)
    let secret = credential.secret(forService: challenge.service)
    let authenticate = try BinaryEncoder().encode(Handshake.Authenticate(proof: crypto.clientProof(secret: secret)))
    try socket.writeAll(try FrameWriter.encode(kind: .authenticate, requestID: 0, payload: authenticate))
    guard let welcome = try readFrame(socket), welcome.kind == .welcome else {
        throw ServiceError(.internal, "no welcome")
    }
    return SessionMAC(key: crypto.clientToServerKey(secret: secret))
}

/// An authenticated request frame made by hand.
func authenticatedRequest(_ mac: inout SessionMAC, requestID: UInt32, method: UInt16, payload: [UInt8]) throws -> [UInt8] {
    var bytes = try FrameWriter.encode(kind: .request, requestID: requestID, method: method, payload: payload)
    FrameWriter.authenticate(&bytes) { header, body in mac.next(headerPrefix: header, payload: body) }
    return bytes
}

/// Writes `bytes` to `socket` one byte every `interval` seconds on its own thread, as a hostile
/// peer that trickles; stops at the end of the bytes, when a write fails, or on `stop()`.
final class Trickler: Sendable {
    private let sentCount = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    init(socket: Socket, bytes: [UInt8], interval: Double) {
        Thread { [self] in
            defer { finished.signal() }
            for byte in bytes {
                if stopped.load(ordering: .relaxed) { return }
                guard (try? socket.writeAll([byte])) != nil else { return }
                sentCount.add(1, ordering: .relaxed)
                Thread.sleep(forTimeInterval: interval)
            }
        }.start()
    }

    /// The bytes written so far.
    var sent: Int { sentCount.load(ordering: .relaxed) }

    /// Stops the thread and waits until it has ended.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        finished.wait()
    }
}

/// `connections` hostile peers that each open a connection and trickle a hello at one byte per
/// 200 ms, re-opening as soon as the server closes or refuses them: a half-open handshake flood.
final class HalfOpenFlood: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let group = DispatchGroup()

    init(port: Int, connections: Int) {
        let hello = (try? FrameWriter.encode(kind: .hello, requestID: 0, payload: BinaryEncoder().encode(
            Handshake.Hello(versions: [2], keyID: "flood", clientNonce: [UInt8](repeating: 0, count: 32))))) ?? []
        for _ in 0..<connections {
            group.enter()
            Thread { [self] in
                defer { group.leave() }
                var buffer = [UInt8](repeating: 0, count: 1024)
                while !stopped.load(ordering: .relaxed) {
                    guard let socket = try? Socket.connect(host: "127.0.0.1", port: port, timeout: 1) else { continue }
                    // The read's timeout paces the trickle and notices at once when the server
                    // closes (or answers and closes): then re-open.
                    try? socket.setReceiveTimeout(0.2)
                    trickle: for byte in hello {
                        if stopped.load(ordering: .relaxed) { break }
                        guard (try? socket.writeAll([byte])) != nil else { break }
                        do {
                            _ = try buffer.withUnsafeMutableBytes { try socket.read(into: $0) }
                            break trickle  // an answer or a close: the server is done with us
                        } catch {
                            if (error as? Errno)?.isTimeout != true { break trickle }
                        }
                    }
                    socket.close()
                }
            }.start()
        }
    }

    /// Stops every peer and waits until their threads have ended.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        group.wait()
    }
}
