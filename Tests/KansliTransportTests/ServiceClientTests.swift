import Dispatch
import Foundation
import KansliFraming
import KansliProtocol
import KansliTestSupport
import Synchronization
import Testing
@testable import KansliTransport

/// Answers every request with its own payload.
struct EchoHandler: RequestHandler {
    func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError> { .success(request.payload) }
}

/// Answers `unavailable` the first `failures` times, then echoes.
final class FlakyHandler: RequestHandler {
    let failures: Int
    let seen = Atomic<Int>(0)

    init(failures: Int) { self.failures = failures }

    func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError> {
        seen.add(1, ordering: .relaxed).oldValue < failures ? .failure(ServiceError(.unavailable, "starting up")) : .success(request.payload)
    }
}

@Suite("ServiceClient: the call layer over a transport")
struct ServiceClientTests {
    /// A port nothing listens on (it was free a moment ago).
    static func closedPort() throws -> Int {
        let listener = try Socket.listen(host: "127.0.0.1", port: 0)
        defer { listener.close() }
        return try listener.localPort()
    }

    @Test("a service that starts listening only after the first attempts is reached within the deadline, not given up on")
    func retriesUntilTheDeadline() throws {
        let keys = try TestKeys()
        let port = try Self.closedPort()
        var configuration = ServerConfiguration(serviceName: "echo")
        configuration.port = port
        let server = Server(configuration: configuration, keyring: try keys.keyring(forService: "echo"), handler: EchoHandler(),
                            log: Log(service: "echo", level: .error, flushInterval: 0))
        let started = DispatchSemaphore(value: 0)
        // The server comes up after the client's first attempts have failed (connection refused).
        let client = ServiceClient(host: "127.0.0.1", port: port, credential: keys.admin)
        let starter = Thread {
            Thread.sleep(forTimeInterval: 0.4)
            _ = try? server.start()
            started.signal()
        }
        starter.start()
        defer { server.shutdown() }
        #expect(try client.callRaw(methodID: 1, payload: [7], isWrite: false, timeout: 10) == [7])
        #expect(started.wait(timeout: .now()) == .success)
    }

    @Test("unavailable answers are retried with one idempotency key; the caller sees the success")
    func unavailableIsRetried() throws {
        let handler = FlakyHandler(failures: 3)
        let client = ServiceClient(transport: InProcessTransport(handler: handler, keyID: "k", role: .write))
        #expect(try client.callRaw(methodID: 1, payload: [1], isWrite: true, timeout: 10) == [1])
        #expect(handler.seen.load(ordering: .relaxed) == 4)
    }

    @Test("a service that never answers: unavailable once the deadline passes, saying how many attempts were made")
    func givesUpAtTheDeadline() throws {
        let client = ServiceClient(host: "127.0.0.1", port: try Self.closedPort(), credential: try TestKeys().admin)
        do {
            _ = try client.callRaw(methodID: 1, payload: [], isWrite: false, timeout: 0.5)
            Issue.record("a closed port answered")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("gave up after"))
        }
    }

    /// Answers `unavailable` after waiting, as a service whose peer does not answer does.
    final class SlowUnavailableHandler: RequestHandler, Sendable {
        let seen = Atomic<Int>(0)
        func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError> {
            seen.add(1, ordering: .relaxed)
            Thread.sleep(forTimeInterval: 0.3)
            return .failure(ServiceError(.unavailable, "the registry did not answer within 0.3 s"))
        }
    }

    @Test("an unavailable answer that took long is not retried past the deadline: the caller gets that answer, not a timeout")
    func slowUnavailableIsNotRetriedIntoATimeout() throws {
        let handler = SlowUnavailableHandler()
        let client = ServiceClient(transport: InProcessTransport(handler: handler, keyID: "k", role: .write))
        let error = #expect(throws: ServiceError.self) {
            _ = try client.callRaw(methodID: 1, payload: [1], isWrite: true, timeout: 1)
        }
        #expect(error?.code == .unavailable, "\(error?.description ?? "")")
        #expect(error?.message.contains("registry did not answer") == true)
        // After two attempts (0.6 s and the backoffs) a third could not end by 1 s: not started.
        #expect(handler.seen.load(ordering: .relaxed) <= 2, "\(handler.seen.load(ordering: .relaxed)) attempts")
    }

    @Test("maxAttempts still bounds the attempts when a caller wants one")
    func maxAttemptsBounds() throws {
        let handler = FlakyHandler(failures: 10)
        var options = ClientOptions()
        options.maxAttempts = 2
        let client = ServiceClient(transport: InProcessTransport(handler: handler, keyID: "k", role: .read), options: options)
        #expect(throws: ServiceError.self) { _ = try client.callRaw(methodID: 1, payload: [], isWrite: false, timeout: 10) }
        #expect(handler.seen.load(ordering: .relaxed) == 2)
    }

    @Test("the in-process transport refuses what a frame could not carry, and a key the keyring does not know")
    func inProcessLimits() throws {
        var limits = FrameLimits()
        limits.maxDecompressedBytes = 16
        let client = ServiceClient(transport: InProcessTransport(handler: EchoHandler(), keyID: "k", role: .read, limits: limits))
        #expect(throws: ServiceError.self) { _ = try client.callRaw(methodID: 1, payload: [UInt8](repeating: 0, count: 17), isWrite: false) }
        #expect(try client.callRaw(methodID: 1, payload: [1, 2], isWrite: false) == [1, 2])
        let keys = try TestKeys()
        let stranger = try ClientCredential(keyID: "stranger", secret: [UInt8](repeating: 3, count: 32))
        #expect(throws: ServiceError.self) {
            _ = try InProcessTransport(handler: EchoHandler(), service: "registry", keyring: try keys.keyring(), credential: stranger)
        }
    }
}
