import Foundation
import KansliCoding
import KansliFraming
import KansliProtocol
import KansliTestSupport
import Synchronization
import Testing
@testable import KansliTransport

@Suite("Client connections: deadlines and connection-level errors")
struct ClientConnectionTests {
    /// A listener that accepts one connection and trickles `bytes` to it a byte at a time.
    final class TricklingServer: Sendable {
        let port: Int
        private let listener: Socket
        private let trickler = Mutex<Trickler?>(nil)
        private let accepted = DispatchSemaphore(value: 0)

        init(bytes: [UInt8], interval: Double) throws {
            listener = try Socket.listen(host: "127.0.0.1", port: 0)
            port = try listener.localPort()
            Thread { [self] in
                defer { accepted.signal() }
                guard let socket = try? listener.accept() else { return }
                trickler.withLock { $0 = Trickler(socket: socket, bytes: bytes, interval: interval) }
            }.start()
        }

        /// The bytes trickled so far.
        var sent: Int { trickler.withLock { $0?.sent ?? 0 } }

        func stop() {
            listener.shutdownBoth()
            accepted.wait()
            trickler.withLock { $0?.stop() }
            listener.close()
        }
    }

    @Test("a challenge trickled byte by byte does not stretch the handshake past its deadline")
    func trickledChallengeDoesNotExtendTheDeadline() throws {
        let challenge = try FrameWriter.encode(kind: .challenge, requestID: 0, payload: BinaryEncoder().encode(
            Handshake.Challenge(version: 2, serverNonce: [UInt8](repeating: 2, count: 32), service: "registry")))
        let server = try TricklingServer(bytes: challenge, interval: 0.05)
        defer { server.stop() }
        let keys = try TestKeys()
        do {
            _ = try ClientConnection.open(host: "127.0.0.1", port: server.port, credential: keys.admin, options: ClientOptions(),
                                          deadline: .now + .milliseconds(500))
            Issue.record("the handshake completed against a trickling server")
        } catch let error as ServiceError {
            #expect(error.code == .timeout)
        }
        // About 10 bytes in 0.5 s; the whole challenge would take seconds.
        #expect(server.sent < challenge.count, "the client waited for all \(challenge.count) bytes")
    }

    /// The frame `bytes` encode, as a receiver parses it.
    static func frame(_ bytes: [UInt8]) throws -> Frame {
        var parser = FrameParser()
        parser.append(bytes)
        guard let frame = try parser.nextFrame() else { throw ServiceError(.internal, "incomplete frame") }
        return frame
    }

    @Test("an error frame with request id 0 is reported as the connection error it is, not a mismatch")
    func connectionLevelErrorIsSurfaced() throws {
        let refusal = try BinaryEncoder().encode(ServiceError(.unavailable, "the server is shutting down"))
        let frame = try Self.frame(try FrameWriter.encode(kind: .error, requestID: 0, payload: refusal))
        do {
            _ = try ClientConnection.answer(frame, to: 7)
            Issue.record("an error frame was taken for an answer")
        } catch let error as ConnectionError {
            #expect(error.error.code == .unavailable)
            #expect(error.error.message == "the server is shutting down")
        }
        // An answer to another request is still a mismatch; an error for this one is its answer.
        let other = try Self.frame(try FrameWriter.encode(kind: .response, requestID: 6, payload: [1]))
        #expect(throws: ServiceError.self) { try ClientConnection.answer(other, to: 7) }
        let own = try Self.frame(try FrameWriter.encode(kind: .error, requestID: 7, payload: refusal))
        #expect(throws: RemoteError.self) { try ClientConnection.answer(own, to: 7) }
    }

    @Test("the server answers a protocol error on an authenticated connection with request id 0, taken as a connection error")
    func serverNamesNoRequestInConnectionErrors() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let connection = try ClientConnection.open(host: "127.0.0.1", port: test.port, credential: test.keys.admin,
                                                   options: ClientOptions(), deadline: .now + .seconds(5))
        defer { connection.close() }
        // A hello on an authenticated connection is a protocol error: the server answers it with
        // request id 0 (it names no request) and closes.
        try connection.channel.send(kind: .hello, requestID: 0, method: 0, payload: [], deadline: .now + .seconds(1))
        guard case .frame(let frame) = try connection.channel.receive(.until(.now + .seconds(5))) else {
            Issue.record("no error frame")
            return
        }
        do {
            _ = try ClientConnection.answer(frame, to: 7)
            Issue.record("the error frame was taken for an answer")
        } catch let error as ConnectionError {
            #expect(error.error.code == .badRequest)
            #expect(error.error.message.contains("expected a request frame"))
        }
    }
}
