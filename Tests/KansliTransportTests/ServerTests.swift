import Foundation
import KansliCoding
import KansliFraming
import KansliProtocol
import KansliTestSupport
import Synchronization
import Testing
@testable import KansliTransport

@Suite("Server and client over loopback")
struct ServerTests {
    @Test("a client authenticates and gets its payload echoed")
    func echoRoundTrip() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let client = test.client()
        let payload = Array("Norrbottens e-nämnd".utf8)
        #expect(try client.callRaw(methodID: 1, payload: payload, isWrite: false) == payload)
        // The connection is reused: a second call opens no new connection.
        #expect(try client.callRaw(methodID: 1, payload: [1, 2, 3], isWrite: false) == [1, 2, 3])
        #expect(test.server.transportStatistics.acceptedConnections == 1)
    }

    @Test("large payloads are compressed on the wire and arrive intact")
    func largePayloadRoundTrip() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 / 7) }
        #expect(try test.client().callRaw(methodID: 1, payload: payload, isWrite: false) == payload)
    }

    @Test("a wrong secret is refused with unauthenticated, and counted")
    func wrongSecretIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let impostor = try ClientCredential(keyID: test.keys.admin.keyID, secret: [UInt8](repeating: 9, count: 32))
        #expect(throws: ServiceError.self) { try test.client(impostor).callRaw(methodID: 1, payload: [], isWrite: false) }
        do {
            _ = try test.client(impostor).callRaw(methodID: 1, payload: [], isWrite: false)
        } catch {
            #expect(error.code == .unauthenticated)
            #expect(error.message.contains("test-admin"))
        }
        #expect(test.server.transportStatistics.failedHandshakes == 2)
    }

    @Test("an unknown key id is refused exactly like a wrong secret")
    func unknownKeyIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let stranger = try ClientCredential(keyID: "stranger", secret: [UInt8](repeating: 1, count: 32))
        do {
            _ = try test.client(stranger).callRaw(methodID: 1, payload: [], isWrite: false)
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.code == .unauthenticated)
        }
    }

    @Test("during rotation both secrets of a key are accepted")
    func bothSecretsAcceptedDuringRotation() throws {
        let old = try ClientCredential(keyID: "rotating", secret: [UInt8](repeating: 0xA1, count: 32))
        let new = try ClientCredential(keyID: "rotating", secret: [UInt8](repeating: 0xB2, count: 32))
        let keyring = try Keyring([Keyring.Entry(keyID: "rotating", role: .write,
                                                 secrets: [old.secret(forService: "test"), new.secret(forService: "test")])])
        let test = try TestServer(keyring: keyring)
        defer { test.server.shutdown() }
        for credential in [old, new] {
            #expect(try test.client(credential).callRaw(methodID: 1, payload: [42], isWrite: false) == [42])
        }
    }

    @Test("a service's key file opens no other service: the registry's secret does not authenticate at finance")
    func serviceSecretsAreSeparate() throws {
        let keys = try TestKeys()
        let finance = try TestServer(configure: { $0.serviceName = "finance" }, keyring: keys.keyring(forService: "finance"))
        defer { finance.server.shutdown() }
        // The member's client secret works; a thief holding the registry's key file has only the
        // registry's derived secret, which finance refuses.
        #expect(try finance.client(keys.admin).callRaw(methodID: 1, payload: [1], isWrite: false) == [1])
        let stolen = try ClientCredential(keyID: keys.admin.keyID, secret: keys.admin.secret(forService: "registry"))
        do {
            _ = try finance.client(stolen) { $0.maxAttempts = 1 }.callRaw(methodID: 1, payload: [1], isWrite: false)
            Issue.record("the registry's secret opened finance")
        } catch {
            #expect(error.code == .unauthenticated)
        }
        // Nor does the finance file's own line, used as a client secret.
        let fromFile = try ClientCredential(keyID: keys.admin.keyID, secret: keys.admin.secret(forService: "finance"))
        #expect(throws: ServiceError.self) {
            try finance.client(fromFile) { $0.maxAttempts = 1 }.callRaw(methodID: 1, payload: [1], isWrite: false)
        }
    }

    @Test("a request before the handshake gets unauthenticated and the connection closes")
    func requestBeforeHandshakeIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        try socket.writeAll(try FrameWriter.encode(kind: .request, requestID: 5, method: 1, payload: [0x09, 0x01, 0x00]))
        #expect(try serviceError(in: readFrame(socket))?.code == .unauthenticated)
        #expect(peerCloses(socket))
    }

    @Test("an altered frame fails its MAC: error, then the connection closes")
    func alteredFrameIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        var mac = try handshakeByHand(socket, credential: test.keys.admin)
        let good = try authenticatedRequest(&mac, requestID: 1, method: 1, payload: [1, 2, 3])
        try socket.writeAll(good)
        #expect(try readFrame(socket)?.kind == .response)
        var altered = try authenticatedRequest(&mac, requestID: 2, method: 1, payload: [1, 2, 3])
        #expect(Array(altered[20..<24]) == [0, 0, 0, 0])  // a MAC'd frame carries no CRC…
        altered[altered.count - 1] ^= 0xFF  // …so flipped payload bits are the MAC's to notice
        try socket.writeAll(altered)
        #expect(try serviceError(in: readFrame(socket))?.code == .unauthenticated)
        #expect(peerCloses(socket))
    }

    @Test("a MAC'd frame that carries a CRC is refused: in version 2 the MAC alone guards it")
    func macdFrameWithCRCIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        var mac = try handshakeByHand(socket, credential: test.keys.admin)
        var bytes = try FrameWriter.encode(kind: .request, requestID: 1, method: 1, payload: [1, 2, 3])
        let crc = Array(bytes[20..<24])
        FrameWriter.authenticate(&bytes) { header, body in mac.next(headerPrefix: header, payload: body) }
        bytes.replaceSubrange(20..<24, with: crc)
        try socket.writeAll(bytes)
        #expect(try serviceError(in: readFrame(socket))?.code == .badRequest)
    }

    @Test("a replayed frame fails its MAC (the sequence number moved on)")
    func replayedFrameIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        var mac = try handshakeByHand(socket, credential: test.keys.admin)
        let frame = try authenticatedRequest(&mac, requestID: 1, method: 1, payload: [7])
        try socket.writeAll(frame)
        #expect(try readFrame(socket)?.kind == .response)
        try socket.writeAll(frame)
        #expect(try serviceError(in: readFrame(socket))?.code == .unauthenticated)
    }

    @Test("a peer that does not send the magic is closed on without an answer")
    func wrongMagicIsClosed() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        try socket.writeAll(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8) + [UInt8](repeating: 0, count: 40))
        #expect(try readFrame(socket) == nil)
        #expect(test.server.transportStatistics.protocolErrors == 1)
    }

    /// Ways to damage a hello frame, and the error each must get.
    enum Corruption: String, CaseIterable, Sendable {
        case wrongVersion, oversizedLength, badChecksum, undefinedFlag, unknownKind

        func apply(to bytes: inout [UInt8]) {
            switch self {
            case .wrongVersion: bytes[4] = 9
            case .oversizedLength: bytes[16] = 0x7F
            case .badChecksum: bytes[23] ^= 0x01
            case .undefinedFlag: bytes[6] = 0x80
            case .unknownKind: bytes[5] = 99
            }
        }

        var expected: ErrorCode {
            switch self {
            case .wrongVersion: .unsupportedVersion
            case .oversizedLength: .tooLarge
            case .badChecksum, .undefinedFlag, .unknownKind: .badRequest
            }
        }
    }

    @Test("a bad version, oversized length, bad CRC, undefined flag or unknown kind gets an error, then a close",
          arguments: Corruption.allCases)
    func malformedFramesAreRefused(_ corruption: Corruption) throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        let hello = try BinaryEncoder().encode(Handshake.Hello(versions: [2], keyID: "test-admin", clientNonce: [UInt8](repeating: 0, count: 32)))
        var bytes = try FrameWriter.encode(kind: .hello, requestID: 0, payload: hello)
        corruption.apply(to: &bytes)
        try socket.writeAll(bytes)
        #expect(try serviceError(in: readFrame(socket))?.code == corruption.expected, "\(corruption)")
        #expect(peerCloses(socket))
        // The server is unharmed.
        #expect(try test.client().callRaw(methodID: 1, payload: [1], isWrite: false) == [1])
    }

    @Test("garbage after a valid frame: the frame is answered, the garbage refused")
    func garbageAfterValidFrame() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        let hello = try BinaryEncoder().encode(Handshake.Hello(versions: [2], keyID: "test-admin", clientNonce: [UInt8](repeating: 0, count: 32)))
        try socket.writeAll(try FrameWriter.encode(kind: .hello, requestID: 0, payload: hello) + Array(repeating: 0xEE, count: 80))
        #expect(try readFrame(socket)?.kind == .challenge)
        #expect(peerCloses(socket))
    }

    @Test("a client that sends half a header and stalls is dropped after the read timeout, a silent one after the handshake timeout, and they hold up no one")
    func stalledClientIsDropped() throws {
        let test = try TestServer { $0.readTimeout = 3; $0.handshakeTimeout = 4 }
        defer { test.server.shutdown() }
        let stalled = try test.rawSocket()
        try stalled.writeAll(Array("KNSL".utf8) + [1, 16, 0, 0])
        let silent = try test.rawSocket()
        // Others are served while both misbehave: well before the stalled client's 3 s timeout
        // (a server that served one connection at a time would make this call wait for it).
        let started = ContinuousClock.now
        #expect(try test.client().callRaw(methodID: 1, payload: [5], isWrite: false) == [5])
        #expect(ContinuousClock.now - started < .milliseconds(2500))
        try stalled.setReceiveTimeout(10)
        #expect(try serviceError(in: readFrame(stalled))?.code == .badRequest)
        #expect(peerCloses(stalled))
        // The silent one, which never sent a byte, is told its handshake timed out.
        try silent.setReceiveTimeout(10)
        #expect(try serviceError(in: readFrame(silent))?.code == .timeout)
        #expect(peerCloses(silent))
    }

    // MARK: Before authentication

    /// Sends `hello` as the first frame and returns the error the server answers with.
    static func answerToHello(_ test: TestServer, _ bytes: [UInt8]) throws -> ServiceError? {
        let socket = try test.rawSocket()
        try socket.writeAll(bytes)
        let error = try serviceError(in: readFrame(socket))
        #expect(peerCloses(socket))
        return error
    }

    static func hello(versions: [UInt8] = [2], keyID: String = "test-admin", nonceBytes: Int = 32) throws -> [UInt8] {
        try BinaryEncoder().encode(Handshake.Hello(versions: versions, keyID: keyID, clientNonce: [UInt8](repeating: 0, count: nonceBytes)))
    }

    @Test("before authentication only uncompressed frames of at most 4 KiB: a 16 MiB hello bomb is refused from its header")
    func compressedHelloBombIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let bomb = try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello(keyID: String(repeating: "a", count: (16 << 20) - 200)))
        #expect(bomb.count < 20_000)  // about 16.5 KB on the wire
        let error = try Self.answerToHello(test, bomb)
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("uncompressed") == true)
        // Uncompressed, a hello over 4 KiB is refused from its header too.
        let large = try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello(keyID: String(repeating: "a", count: 5000)),
                                           allowCompression: false)
        #expect(try Self.answerToHello(test, large)?.code == .tooLarge)
        #expect(try test.client().callRaw(methodID: 1, payload: [1], isWrite: false) == [1])
    }

    @Test("a hello's fields are bounded before any other work; messages quote them shortened",
          arguments: [("keyID", 3000, 32), ("keyID", 0, 32), ("versions", 1, 32), ("clientNonce", 1, 31)])
    func malformedHelloFieldsAreRefused(field: String, size: Int, nonceBytes: Int) throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let hello = switch (field, size) {
        case ("keyID", let count): try Self.hello(keyID: String(repeating: "k", count: count), nonceBytes: nonceBytes)
        case ("versions", _): try Self.hello(versions: [UInt8](repeating: 1, count: 2000), nonceBytes: nonceBytes)
        default: try Self.hello(nonceBytes: nonceBytes)
        }
        let error = try Self.answerToHello(test, try FrameWriter.encode(kind: .hello, requestID: 0, payload: hello))
        #expect(error?.code == .badRequest)
        #expect(error?.field == field)
        #expect((error?.message.utf8.count ?? .max) < 200, "\(error?.message.utf8.count ?? 0) bytes of message")
        #expect(test.server.transportStatistics.failedHandshakes == 1)
    }

    @Test("empty versions are refused with bad_request; none in common with unsupported_version")
    func helloVersions() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let empty = try Self.answerToHello(test, try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello(versions: [])))
        #expect(empty?.code == .badRequest)
        #expect(empty?.field == "versions")
        let foreign = try Self.answerToHello(test, try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello(versions: [200])))
        #expect(foreign?.code == .unsupportedVersion)
    }

    @Test("version 1 is refused: offered alone it gets unsupported_version, in a header too")
    func versionOneIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let offered = try Self.answerToHello(test, try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello(versions: [1])))
        #expect(offered?.code == .unsupportedVersion)
        var header = try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello())
        header[4] = 1
        #expect(try Self.answerToHello(test, header)?.code == .unsupportedVersion)
    }

    @Test("handshake frames carry request id 0 both ways: a hello with id 5 is refused, a good one answered with 0")
    func handshakeRequestIDs() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let refused = try Self.answerToHello(test, try FrameWriter.encode(kind: .hello, requestID: 5, payload: Self.hello()))
        #expect(refused?.code == .badRequest)
        let socket = try test.rawSocket()
        try socket.writeAll(try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello()))
        let challenge = try #require(try readFrame(socket))
        #expect(challenge.kind == .challenge)
        #expect(challenge.requestID == 0)
    }

    @Test("a request with id 0 after the handshake is refused: 0 names the connection in errors")
    func requestIDZeroIsRefused() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        var mac = try handshakeByHand(socket, credential: test.keys.admin)
        try socket.writeAll(try authenticatedRequest(&mac, requestID: 0, method: 1, payload: [1]))
        let answer = try readFrame(socket)
        #expect(try serviceError(in: answer)?.code == .badRequest)
        #expect(answer?.requestID == 0)
        #expect(peerCloses(socket))
        #expect(test.handler.calls.withLock { $0.isEmpty })
    }

    @Test("a MAC-flagged first frame is answered unauthenticated (§4.1)")
    func macFlaggedFirstFrame() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        var bytes = try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello())
        FrameWriter.authenticate(&bytes) { _, _ in [UInt8](repeating: 0xAB, count: 16) }
        #expect(try Self.answerToHello(test, bytes)?.code == .unauthenticated)
    }

    @Test("a proof of the wrong length is refused with bad_request on proof")
    func shortProof() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        try socket.writeAll(try FrameWriter.encode(kind: .hello, requestID: 0, payload: Self.hello()))
        #expect(try readFrame(socket)?.kind == .challenge)
        let authenticate = try BinaryEncoder().encode(Handshake.Authenticate(proof: [1, 2, 3]))
        try socket.writeAll(try FrameWriter.encode(kind: .authenticate, requestID: 0, payload: authenticate))
        let error = try serviceError(in: readFrame(socket))
        #expect(error?.code == .badRequest)
        #expect(error?.field == "proof")
    }

    @Test("after the handshake a compressed frame's MAC is checked before it is inflated")
    func macBeforeInflating() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        _ = try handshakeByHand(socket, credential: test.keys.admin)
        // A corrupt zlib stream under a wrong MAC: a receiver that inflated first would answer
        // bad_request (decompression_failed); one that checks the MAC first, unauthenticated.
        let envelope: [UInt8] = [0, 0, 0x10, 0, 0x78, 0x9C, 0xFF, 0xFF]
        let bytes = FrameHeader(kind: .request, flags: [.compressed, .mac], requestID: 1, method: 1,
                                payloadLength: UInt32(envelope.count), checksum: 0,
                                mac: [UInt8](repeating: 0x5A, count: 16)).encoded() + envelope
        try socket.writeAll(bytes)
        #expect(try serviceError(in: readFrame(socket))?.code == .unauthenticated)
    }

    // MARK: Replacing the keys

    @Test("replacing the keys closes the connections of a removed key and of a changed role; others are served")
    func replaceKeyringClosesAffectedConnections() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let admin = try test.rawSocket(), writer = try test.rawSocket(), reader = try test.rawSocket()
        var adminMAC = try handshakeByHand(admin, credential: test.keys.admin)
        // An answered request shows the server has finished admitting each connection.
        for (socket, credential) in [(writer, test.keys.writer), (reader, test.keys.reader)] {
            var mac = try handshakeByHand(socket, credential: credential)
            try socket.writeAll(try authenticatedRequest(&mac, requestID: 1, method: 1, payload: [1]))
            #expect(try readFrame(socket)?.kind == .response)
        }
        // The writer's key is removed, the reader becomes a writer, the admin stays.
        let keyring = try Keyring.parse("""
            \(test.keys.admin.serverKeyLine(forService: "test", role: .admin))
            \(test.keys.reader.serverKeyLine(forService: "test", role: .write))
            """, source: "reloaded")
        #expect(test.server.replaceKeyring(keyring) == 2)
        #expect(peerCloses(writer))
        #expect(peerCloses(reader))
        try admin.writeAll(try authenticatedRequest(&adminMAC, requestID: 1, method: 1, payload: [6]))  // its first
        #expect(try readFrame(admin)?.payload == [6])
        // New handshakes use the new keys: the reader now gets write.
        let socket = try test.rawSocket()
        _ = try handshakeByHand(socket, credential: test.keys.reader)
        #expect(test.server.replaceKeyring(keyring) == 0)
    }

    @Test("a rotation that drops the old secret closes the connections that proved it")
    func replaceKeyringClosesOldSecrets() throws {
        let old = try ClientCredential(keyID: "rotating", secret: [UInt8](repeating: 0xA1, count: 32))
        let new = try ClientCredential(keyID: "rotating", secret: [UInt8](repeating: 0xB2, count: 32))
        let both = try Keyring([Keyring.Entry(keyID: "rotating", role: .write,
                                              secrets: [old.secret(forService: "test"), new.secret(forService: "test")])])
        let test = try TestServer(keyring: both)
        defer { test.server.shutdown() }
        let onOld = try test.rawSocket(), onNew = try test.rawSocket()
        var oldMAC = try handshakeByHand(onOld, credential: old)
        var newMAC = try handshakeByHand(onNew, credential: new)
        // An answered request shows the server has finished admitting the connection.
        try onOld.writeAll(try authenticatedRequest(&oldMAC, requestID: 1, method: 1, payload: [1]))
        #expect(try readFrame(onOld)?.kind == .response)
        let newOnly = try Keyring([Keyring.Entry(keyID: "rotating", role: .write, secrets: [new.secret(forService: "test")])])
        #expect(test.server.replaceKeyring(newOnly) == 1)
        #expect(peerCloses(onOld))
        try onNew.writeAll(try authenticatedRequest(&newMAC, requestID: 2, method: 1, payload: [8]))
        #expect(try readFrame(onNew)?.payload == [8])
    }

    @Test("the connection limit refuses the extra authenticated connection with unavailable")
    func connectionLimit() throws {
        let test = try TestServer { $0.maxConnections = 2 }
        defer { test.server.shutdown() }
        let first = test.client(), second = test.client()
        _ = try first.callRaw(methodID: 1, payload: [], isWrite: false)
        _ = try second.callRaw(methodID: 1, payload: [], isWrite: false)
        let third = test.client { $0.maxAttempts = 1 }
        do {
            _ = try third.callRaw(methodID: 1, payload: [], isWrite: false)
            Issue.record("a third connection was served past the limit of 2")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("limit of 2 connections"))
        }
        #expect(test.server.transportStatistics.refusedConnections == 1)
        // The members already connected are still served.
        #expect(try first.callRaw(methodID: 1, payload: [4], isWrite: false) == [4])
    }

    @Test("a hello trickled a byte at a time is cut off at the handshake deadline, not served")
    func trickledHelloIsCutOff() throws {
        let test = try TestServer { $0.handshakeTimeout = 1; $0.readTimeout = 5 }
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        let hello = try FrameWriter.encode(kind: .hello, requestID: 0, payload: try BinaryEncoder().encode(
            Handshake.Hello(versions: [2], keyID: "test-admin", clientNonce: [UInt8](repeating: 0, count: 32))))
        // A byte every 100 ms: each read gets a byte well within the read timeout, and the whole
        // hello would take about 10 s to arrive.
        let trickler = Trickler(socket: socket, bytes: hello, interval: 0.1)
        try socket.setReceiveTimeout(15)
        let answer = try readFrame(socket)
        let sentWhenAnswered = trickler.sent
        trickler.stop()
        #expect(try serviceError(in: answer)?.code == .timeout, "answered \(String(describing: answer?.kind)): \(String(describing: try? serviceError(in: answer)))")
        #expect(sentWhenAnswered < hello.count, "the server waited for all \(hello.count) bytes of the trickled hello")
        #expect(peerCloses(socket))
        // A member is served.
        #expect(try test.client().callRaw(methodID: 1, payload: [1], isWrite: false) == [1])
    }

    @Test("a request trickled a byte at a time is cut off at the read timeout")
    func trickledRequestIsCutOff() throws {
        let test = try TestServer { $0.readTimeout = 0.5 }
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        var mac = try handshakeByHand(socket, credential: test.keys.admin)
        let request = try authenticatedRequest(&mac, requestID: 1, method: 1, payload: [UInt8](repeating: 7, count: 100))
        let trickler = Trickler(socket: socket, bytes: request, interval: 0.05)
        try socket.setReceiveTimeout(15)
        let answer = try readFrame(socket)
        let sentWhenAnswered = trickler.sent
        trickler.stop()
        #expect(try serviceError(in: answer)?.code == .badRequest)
        #expect(sentWhenAnswered < request.count, "the server waited for all \(request.count) bytes of the trickled request")
    }

    @Test("the idle timeout closes at its own deadline, not rounded up to the read timeout")
    func idleTimeoutIsExact() throws {
        let test = try TestServer { $0.idleTimeout = 1; $0.readTimeout = 0.8 }
        defer { test.server.shutdown() }
        let socket = try test.rawSocket()
        _ = try handshakeByHand(socket, credential: test.keys.admin)
        let started = ContinuousClock.now
        try socket.setReceiveTimeout(5)
        #expect(peerCloses(socket))
        let elapsed = ContinuousClock.now - started
        // Rounded up to a multiple of the read timeout it would close at 1.6 s.
        #expect(elapsed >= .milliseconds(950) && elapsed < .milliseconds(1400), "closed after \(elapsed)")
    }

    @Test("a flood of half-open handshakes, re-opened when dropped, does not lock members out")
    func halfOpenFloodDoesNotLockOutMembers() throws {
        let test = try TestServer { $0.maxPendingHandshakes = 8; $0.maxConnections = 64; $0.handshakeTimeout = 10 }
        defer { test.server.shutdown() }
        let flood = HalfOpenFlood(port: test.port, connections: 32)
        defer { flood.stop() }
        // Wait until the flood has filled the handshake places and begun to be dropped.
        let floodDeadline = ContinuousClock.now + .seconds(20)
        while test.server.transportStatistics.evictedHandshakes < 8 && ContinuousClock.now < floodDeadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(test.server.transportStatistics.evictedHandshakes >= 8)
        // New clients, each on a fresh connection, are served while the flood goes on.
        for index in 0..<10 {
            let member = test.client { $0.callTimeout = 5 }
            #expect(try member.callRaw(methodID: 1, payload: [UInt8(index)], isWrite: false) == [UInt8(index)])
            member.close()
        }
        flood.stop()
        // The flood held no more than its places: the pending handshakes never exceeded the cap
        // (authenticated connections are the members' only).
        #expect(test.server.transportStatistics.openConnections <= 8 + 64)
    }

    @Test("256 clients connected at once are all served")
    func manyConcurrentClients() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let clients = (0..<256).map { _ in test.client() }
        for (index, client) in clients.enumerated() {
            #expect(try client.callRaw(methodID: 1, payload: [UInt8(index % 256)], isWrite: false) == [UInt8(index % 256)])
        }
        #expect(test.server.transportStatistics.openConnections == 256)
        let failures = Atomic<Int>(0)
        let group = DispatchGroup()
        for (index, client) in clients.enumerated() {
            group.enter()
            Thread {
                defer { group.leave() }
                let payload = Array("client \(index)".utf8)
                if (try? client.callRaw(methodID: 1, payload: payload, isWrite: false)) != payload {
                    failures.add(1, ordering: .relaxed)
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(failures.load(ordering: .relaxed) == 0)
    }

    @Test("a call that outlives its timeout fails with timeout")
    func callTimeout() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        let client = test.client { $0.callTimeout = 0.3; $0.maxAttempts = 1 }
        do {
            _ = try client.callRaw(methodID: 5, payload: [], isWrite: false)
            Issue.record("the call did not time out")
        } catch {
            #expect(error.code == .timeout)
        }
    }

    @Test("an unavailable answer is retried with the same idempotency key")
    func unavailableIsRetriedWithSameKey() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        #expect(try test.client().callRaw(methodID: 3, payload: [9], isWrite: true) == [9])
        let calls = test.handler.calls.withLock { $0 }
        #expect(calls.count == 2)
        #expect(calls[0].idempotencyKey != nil)
        #expect(calls[0].idempotencyKey == calls[1].idempotencyKey)
    }

    @Test("a response too large for a frame becomes a too_large error, not a dead connection")
    func oversizedResponse() throws {
        let test = try TestServer()
        defer { test.server.shutdown() }
        // Trying to compress 5 MiB takes a while in a debug build on a loaded machine.
        let client = test.client { $0.callTimeout = 60 }
        do {
            _ = try client.callRaw(methodID: 4, payload: [], isWrite: false)
            Issue.record("an oversized response was sent")
        } catch {
            #expect(error.code == .tooLarge)
        }
        #expect(try client.callRaw(methodID: 1, payload: [3], isWrite: false) == [3])
    }

    @Test("shutdown lets a request in flight finish, then refuses new connections")
    func gracefulShutdown() throws {
        let test = try TestServer()
        let client = test.client()
        _ = try client.callRaw(methodID: 1, payload: [], isWrite: false)
        let result = Mutex<Result<[UInt8], ServiceError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let outcome = Result { () throws(ServiceError) in try client.callRaw(methodID: 2, payload: [8], isWrite: false) }
            result.withLock { $0 = outcome }
            done.signal()
        }.start()
        // Shut down only once the slow request has reached the handler.
        #expect(test.handler.slowRequestReached.wait(timeout: .now() + 10) == .success)
        test.server.shutdown()
        done.wait()
        #expect(try result.withLock { $0 }?.get() == [8])
        #expect(throws: (any Error).self) { try Socket.connect(host: "127.0.0.1", port: test.port, timeout: 1) }
    }
}
