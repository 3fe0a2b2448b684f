import Dispatch
import Foundation
import KansliProtocol
import KansliStore
import KansliTestSupport
import KansliTransport
import Synchronization
import Testing
@testable import KansliService

/// What the relay test service's preparations do, set by each test.
final class RelayProbe: Sendable {
    /// Signalled when `relay.slow`'s preparation has begun.
    let prepareBegan = DispatchSemaphore(value: 0)
    /// `relay.slow`'s preparation waits for this (at most 10 s) before it returns.
    let releasePrepare = DispatchSemaphore(value: 0)
    /// How often any preparation ran.
    let preparations = Atomic<Int>(0)
    /// When set, `relay.copy`'s preparation fails with this error.
    let failure = Mutex<ServiceError?>(nil)
}

/// A service that copies the notes of its peer `notes` into its own database: its writes need a
/// peer, so they are prepared (peer call) outside the transaction and applied inside it.
struct RelayDefinition: ServiceDefinition {
    static let serviceName = "relay"

    static let copy = Method<Empty, Int>(id: 0x0E01, name: "relay.copy", access: .write, roles: .writers)
    static let slow = Method<String, Int64>(id: 0x0E02, name: "relay.slow", access: .write, roles: .writers)
    static let quick = Method<String, Int64>(id: 0x0E03, name: "relay.quick", access: .write, roles: .writers)
    static let count = Method<Empty, Int>(id: 0x0E04, name: "relay.count", access: .read, roles: .readers)
    static let sign = Method<String, Int64>(id: 0x0E05, name: "relay.sign", access: .write, roles: .signer)

    let probe: RelayProbe
    var peers: [String] { ["notes"] }

    var migrations: [Migration] {
        [Migration(version: 1, sql: "CREATE TABLE copies (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")]
    }

    func register(into router: ServiceRouter) {
        let probe = self.probe
        router.register(Self.copy, prepare: { _, context -> [String] in
            probe.preparations.add(1, ordering: .relaxed)
            if let failure = probe.failure.withLock({ $0 }) { throw failure }
            return try context.peers.call("notes", NotesDefinition.list, Empty())
        }, apply: { titles, context in
            for title in titles {
                try context.connection.execute("INSERT INTO copies (title) VALUES (?)", [.text(title)])
            }
            try context.audit(action: "copy", entity: "copy", entityID: "*", summary: "copied \(titles.count)")
            return titles.count
        })
        router.register(Self.slow, prepare: { title, _ -> String in
            probe.preparations.add(1, ordering: .relaxed)
            probe.prepareBegan.signal()
            _ = probe.releasePrepare.wait(timeout: .now() + 10)
            return title
        }, apply: { title, context in
            try context.connection.execute("INSERT INTO copies (title) VALUES (?)", [.text(title)])
            return context.connection.lastInsertRowID
        })
        router.register(Self.quick) { title, context in
            try context.connection.execute("INSERT INTO copies (title) VALUES (?)", [.text(title)])
            return context.connection.lastInsertRowID
        }
        router.register(Self.count) { _, context in
            let row = try context.connection.queryOne("SELECT count(*) FROM copies")
            return Int(try row?.get(0) as Int64? ?? 0)
        }
        router.register(Self.sign) { title, context in
            try context.connection.execute("INSERT INTO copies (title) VALUES (?)", [.text("signed " + title)])
            return context.connection.lastInsertRowID
        }
    }
}

@Suite("Prepared requests and peers")
struct PreparedRequestTests {
    let directory: TemporaryDirectory
    let notes: ServiceHost
    let probe = RelayProbe()
    let relay: ServiceHost

    init() throws {
        directory = try TemporaryDirectory("prepared")
        let log = Log(service: "test", level: .error, flushInterval: 0)
        notes = try ServiceHost(definition: NotesDefinition(), databasePath: directory.file("notes.sqlite"), log: log)
        let transport = InProcessTransport(handler: notes, keyID: "relay", role: .read, name: "in-process notes")
        relay = try ServiceHost(definition: RelayDefinition(probe: probe), databasePath: directory.file("relay.sqlite"), log: log,
                                peers: Peers(names: ["notes"], clients: ["notes": ServiceClient(transport: transport)], timeout: 2))
    }

    @Test("a write that needs a peer reads it first, then applies what it read in its own transaction")
    func prepareThenApply() throws {
        _ = try notes.call(NotesDefinition.add, "Budget 2023")
        _ = try notes.call(NotesDefinition.add, "Delårsrapport")
        #expect(try relay.call(RelayDefinition.copy, Empty(), role: .write) == 2)
        #expect(try relay.call(RelayDefinition.count, Empty(), role: .read) == 2)
        #expect(try relay.call(CommonMethods.audit, AuditQuery()).first?.summary == "copied 2")
    }

    @Test("while one write waits in its preparation, another write commits: the writer is not held")
    func preparationDoesNotHoldTheWriter() throws {
        let slowResult = Mutex<Result<Int64, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let relay = self.relay
        Thread.detachNewThread {
            let result = Result { try relay.call(RelayDefinition.slow, "slow", role: .write) }
            slowResult.withLock { $0 = result }
            finished.signal()
        }
        #expect(probe.prepareBegan.wait(timeout: .now() + 10) == .success)
        // Before the split, the slow write held the write transaction here and this one waited
        // on SQLite's busy timeout and failed; now it commits at once.
        #expect(try relay.call(RelayDefinition.quick, "quick", role: .write) > 0)
        #expect(try relay.call(RelayDefinition.count, Empty(), role: .read) == 1)
        probe.releasePrepare.signal()
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(try slowResult.withLock { $0 }?.get() ?? 0 > 0)
        #expect(try relay.call(RelayDefinition.count, Empty(), role: .read) == 2)
    }

    @Test("a preparation that fails writes nothing and leaves the idempotency key unused")
    func failedPreparationWritesNothing() throws {
        let key = [UInt8](repeating: 0x51, count: 16)
        probe.failure.withLock { $0 = ServiceError(.unavailable, "the notes service did not answer") }
        do {
            _ = try relay.call(RelayDefinition.copy, Empty(), role: .write, idempotencyKey: key)
            Issue.record("a failed preparation answered")
        } catch let error as ServiceError {
            #expect(error.code == .unavailable)
        }
        #expect(try relay.call(CommonMethods.audit, AuditQuery()).isEmpty)
        // The same key, once the peer is back, is a first application, not a replay.
        probe.failure.withLock { $0 = nil }
        _ = try notes.call(NotesDefinition.add, "Protokoll")
        #expect(try relay.call(RelayDefinition.copy, Empty(), role: .write, idempotencyKey: key) == 1)
        #expect(relay.statistics().replayedWrites == 0)
    }

    @Test("a retried write is answered from the store without calling the peer again")
    func replayDoesNotPrepareAgain() throws {
        _ = try notes.call(NotesDefinition.add, "Protokoll")
        let key = [UInt8](repeating: 0x52, count: 16)
        #expect(try relay.call(RelayDefinition.copy, Empty(), role: .write, idempotencyKey: key) == 1)
        _ = try notes.call(NotesDefinition.add, "Utdrag")  // the peer changed; the replay must not see it
        #expect(try relay.call(RelayDefinition.copy, Empty(), role: .write, idempotencyKey: key) == 1)
        #expect(probe.preparations.load(ordering: .relaxed) == 1)
        #expect(try relay.call(RelayDefinition.count, Empty(), role: .read) == 1)
    }

    @Test("a peer's refusal on the merits keeps its code and field, prefixed with the peer's name")
    func peerValidationPassesThrough() throws {
        let error = Peers.translate(ServiceError(.validation, "title must not be empty", field: "title"),
                                    from: "registry", method: "registry.party.get")
        #expect(error.code == .validation && error.field == "title")
        #expect(error.message == "registry: title must not be empty")
        #expect((error.cause as? ServiceError)?.message == "title must not be empty")
    }

    @Test("a peer that refuses this service's key is internal, telling the operator what to check")
    func peerRefusalIsInternal() throws {
        let transport = InProcessTransport(handler: notes, keyID: "relay", role: .read)
        let peers = Peers(names: ["notes"], clients: ["notes": ServiceClient(transport: transport)])
        // notes.add admits write and admin keys; the relay's key is a read key.
        do {
            _ = try peers.calls().call("notes", NotesDefinition.add, "x")
            Issue.record("a read key wrote on the peer")
        } catch {
            #expect(error.code == .internal)
            #expect(error.message.contains("notes") && error.message.contains("key"))
            #expect((error.cause as? ServiceError)?.code == .forbidden)
        }
    }

    @Test("a peer that is not configured answers unavailable, naming the options that configure it")
    func unconfiguredPeer() throws {
        let lonely = try ServiceHost(definition: RelayDefinition(probe: probe), databasePath: directory.file("lonely.sqlite"),
                                     log: Log(service: "relay", level: .error, flushInterval: 0))
        do {
            _ = try lonely.call(RelayDefinition.copy, Empty(), role: .write)
            Issue.record("copied without a peer")
        } catch let error as ServiceError {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("--notes-address") && error.message.contains("--peer-key-file"))
        }
        let health = try lonely.call(CommonMethods.health, HealthRequest(peers: true), role: .read)
        #expect(health.status == "degraded")
        #expect(health.peers == [PeerHealth(service: "notes", address: nil, status: "not_configured",
                                            message: "set --notes-address and --peer-key-file")])
    }

    @Test("a peer that does not listen is unavailable within the peer timeout, and health says which")
    func unreachablePeer() throws {
        // A port that was free a moment ago and that nothing listens on now.
        let listener = try Socket.listen(host: "127.0.0.1", port: 0)
        let closedPort = try listener.localPort()
        listener.close()
        let client = ServiceClient(host: "127.0.0.1", port: closedPort, credential: try TestKeys().reader)
        let host = try ServiceHost(definition: RelayDefinition(probe: probe), databasePath: directory.file("down.sqlite"),
                                   log: Log(service: "relay", level: .error, flushInterval: 0),
                                   peers: Peers(names: ["notes"], clients: ["notes": client], timeout: 0.5))
        do {
            _ = try host.call(RelayDefinition.copy, Empty(), role: .write)
            Issue.record("copied from a peer that is down")
        } catch let error as ServiceError {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("notes") && error.message.contains("retry"))
        }
        let health = try host.call(CommonMethods.health, HealthRequest(peers: true), role: .read)
        #expect(health.status == "degraded")
        #expect(health.peers?.first?.status == "unavailable")
        #expect(health.peers?.first?.address == "127.0.0.1:\(closedPort)")
        // Without `peers: true`, health asks no one and stays ok.
        #expect(try host.call(CommonMethods.health, HealthRequest(), role: .read).status == "ok")
    }

    @Test("health over an in-process peer reports it ok")
    func healthyPeer() throws {
        let health = try relay.call(CommonMethods.health, HealthRequest(peers: true), role: .read)
        #expect(health.status == "ok")
        #expect(health.peers == [PeerHealth(service: "notes", address: "in-process notes", status: "ok")])
    }

    @Test("a signer key may call the methods that admit signers and nothing else; other keys may not call those")
    func signerRole() throws {
        #expect(try relay.call(RelayDefinition.sign, "protokoll", keyID: "isak-utsi", role: .signer) > 0)
        for role in [Role.read, .write, .admin] {
            #expect(throws: ServiceError.self) { _ = try relay.call(RelayDefinition.sign, "x", role: role) }
        }
        do {
            _ = try relay.call(RelayDefinition.quick, "x", keyID: "isak-utsi", role: .signer)
            Issue.record("a signer key made an ordinary write")
        } catch let error as ServiceError {
            #expect(error.code == .forbidden)
            #expect(error.message.contains("isak-utsi") && error.message.contains("signer") && error.message.contains("write, admin"))
        }
        #expect(throws: ServiceError.self) { _ = try relay.call(RelayDefinition.count, Empty(), role: .signer) }
    }
}

@Suite("Errors that reach clients")
struct ClientFacingErrorTests {
    @Test("a database failure reaches the client without SQL or SQLite's text; the cause keeps both",
          arguments: [
            (DatabaseError.ResultCode.full, ErrorCode.unavailable, "disk is full"),
            (.ioError, .unavailable, "I/O"),
            (.readOnly, .unavailable, "I/O"),
            (.busy, .unavailable, "busy"),
            (.corrupt, .internal, "damaged"),
            (.error, .internal, "log has the details"),
          ])
    func databaseFailures(_ code: DatabaseError.ResultCode, _ expected: ErrorCode, _ phrase: String) {
        let failure = DatabaseError(extendedResultCode: code, message: "database or disk is full", sql: "COMMIT")
        let error = ServiceHost.map(failure)
        #expect(error.code == expected)
        #expect(error.message.contains(phrase))
        #expect(!error.message.contains("COMMIT") && !error.message.contains("SQL") && !error.message.contains("database or disk"))
        #expect((error.cause as? DatabaseError)?.sql == "COMMIT")
        #expect(ServiceHost.isServiceFault(error))
    }

    @Test("a statement that fails inside a handler is answered without its SQL")
    func failingStatement() throws {
        let directory = try TemporaryDirectory("errors")
        let host = try ServiceHost(definition: NotesDefinition(), databasePath: directory.file("n.sqlite"),
                                   log: Log(service: "notes", level: .error, flushInterval: 0))
        // A UNIQUE violation escapes the handler as a DatabaseError.
        _ = try host.call(NotesDefinition.add, "dup")
        do {
            _ = try host.call(NotesDefinition.add, "dup")
            Issue.record("duplicate accepted")
        } catch let error as ServiceError {
            #expect(error.code == .conflict)
            #expect(error.message == "the change conflicts with existing records: a record with the same key already exists")
            #expect(!error.message.contains("INSERT") && !error.message.contains("UNIQUE"))
        }
    }

    @Test("the cause never travels: a ServiceError encodes code, message and field only")
    func causeIsNotEncoded() throws {
        let error = ServiceError(.unavailable, "retry later", field: "x", cause: ServiceError(.internal, "secret detail"))
        let decoded = try ProtocolCoding.decode(ServiceError.self, from: try ProtocolCoding.encode(error), what: "error")
        #expect(decoded == error)
        #expect(decoded.cause == nil)
        #expect(error.logDescription.contains("secret detail"))
    }

    @Test("untrusted text is quoted at most 48 characters long, with control characters escaped")
    func quoting() {
        #expect(ServiceError.quote("NBE") == "\"NBE\"")
        let long = String(repeating: "x", count: 1 << 20)
        #expect(ServiceError.quote(long) == "\"" + String(repeating: "x", count: 48) + "…\"")
        #expect(ServiceError.quote("a\nb\"c\\") == "\"a\\u{a}b\\\"c\\\\\"")
        #expect(ServiceError.quote("Luleå kommun") == "\"Luleå kommun\"")
    }
}

/// A service whose database can be made to run out of space: SQLite's `max_page_count` caps the
/// file, so a write fails with SQLITE_FULL exactly as on a full disk.
struct FullDiskDefinition: ServiceDefinition {
    static let serviceName = "full"
    static let fill = Method<Int, Int>(id: 0x0D01, name: "full.fill", access: .write, roles: .writers)

    var migrations: [Migration] {
        [Migration(version: 1, sql: "CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")]
    }

    func register(into router: ServiceRouter) {
        router.register(Self.fill) { bytes, context in
            let pages: Int64 = try context.connection.queryOne("PRAGMA page_count")?.get(0) ?? 0
            try context.connection.execute("PRAGMA max_page_count = \(pages + 2)")
            try context.connection.execute("INSERT INTO blobs (data) VALUES (?)", [.blob([UInt8](repeating: 1, count: bytes))])
            return bytes
        }
    }
}

@Suite("A full disk")
struct FullDiskTests {
    @Test("a write that hits a full disk is answered unavailable with what to do, and logged as an error even at --log-level warning")
    func fullDisk() throws {
        let directory = try TemporaryDirectory("full")
        defer { directory.remove() }
        let logPath = directory.file("full.log")
        let logFile = open(logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(logFile) }
        let log = Log(service: "full", level: .warning, fileDescriptor: logFile, flushInterval: 0)
        let host = try ServiceHost(definition: FullDiskDefinition(), databasePath: directory.file("full.sqlite"), log: log)
        do {
            _ = try host.call(FullDiskDefinition.fill, 1 << 20, role: .write)
            Issue.record("a 1 MiB blob fitted in two pages")
        } catch let error as ServiceError {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("disk is full") && error.message.contains("free space"))
            #expect(!error.message.contains("SQL") && !error.message.contains("INSERT"))
        }
        log.flush()
        let text = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(text.contains("level=error"), "\(text)")
        #expect(text.contains("full.fill") && text.contains("cause="), "\(text)")
        // Nothing half-written: the table is still empty and the next small write works.
        #expect(try host.call(FullDiskDefinition.fill, 10, role: .write) == 10)
    }
}
