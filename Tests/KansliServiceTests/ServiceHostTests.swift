import Foundation
import KansliCoding
import KansliPlatform
import KansliProtocol
import KansliStore
import KansliTestSupport
import KansliTransport
import Synchronization
import Testing
@testable import KansliService

/// A tiny service for testing the runtime: notes with a unique title.
struct NotesDefinition: ServiceDefinition {
    static let serviceName = "notes"

    static let add = Method<String, Int64>(id: 0x0F01, name: "notes.add", access: .write, roles: .writers)
    static let list = Method<Empty, [String]>(id: 0x0F02, name: "notes.list", access: .read, roles: .readers)
    static let addThenFail = Method<String, Int64>(id: 0x0F03, name: "notes.add-then-fail", access: .write, roles: .writers)
    static let purge = Method<Empty, Int>(id: 0x0F04, name: "notes.purge", access: .write, roles: .admins)

    var migrations: [Migration] {
        [Migration(version: 1, sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE)")]
    }

    func register(into router: ServiceRouter) {
        router.register(Self.add) { title, context in
            guard !title.isEmpty else { throw ServiceError.validation("title must not be empty", field: "title") }
            try context.connection.execute("INSERT INTO notes (title) VALUES (?)", [.text(title)])
            let id = context.connection.lastInsertRowID
            try context.audit(action: "create", entity: "note", entityID: String(id), summary: "added \(title)")
            return id
        }
        router.register(Self.list) { _, context in
            try context.connection.query("SELECT title FROM notes ORDER BY id").map { try $0.get(0) }
        }
        router.register(Self.addThenFail) { title, context in
            try context.connection.execute("INSERT INTO notes (title) VALUES (?)", [.text(title)])
            throw ServiceError.conflict("refused after writing", field: "title")
        }
        router.register(Self.purge) { _, context in
            try context.connection.execute("DELETE FROM notes")
            return context.connection.changes
        }
    }
}

@Suite("ServiceHost")
struct ServiceHostTests {
    let directory: TemporaryDirectory
    let host: ServiceHost

    init() throws {
        directory = try TemporaryDirectory("service-host")
        host = try ServiceHost(definition: NotesDefinition(), databasePath: directory.file("notes.sqlite"),
                               log: Log(service: "notes", level: .error, flushInterval: 0))
    }

    @Test("a write is applied, audited with the caller's key id, and readable")
    func writeAndRead() throws {
        _ = try host.call(NotesDefinition.add, "Budget 2023", keyID: "secretary", role: .write)
        #expect(try host.call(NotesDefinition.list, Empty(), role: .read) == ["Budget 2023"])
        let audit = try host.call(CommonMethods.audit, AuditQuery(limit: 10), role: .read)
        #expect(audit.count == 1)
        #expect(audit.first?.keyID == "secretary")
        #expect(audit.first?.method == "notes.add")
        #expect(audit.first?.summary == "added Budget 2023")
    }

    @Test("a retried write with the same idempotency key is applied once and answered the same")
    func idempotentReplay() throws {
        let key = [UInt8](repeating: 0x42, count: 16)
        let first = try host.call(NotesDefinition.add, "Delårsrapport", idempotencyKey: key)
        let second = try host.call(NotesDefinition.add, "Delårsrapport", idempotencyKey: key)
        #expect(first == second)
        #expect(try host.call(NotesDefinition.list, Empty()) == ["Delårsrapport"])
        #expect(host.statistics().replayedWrites == 1)
    }

    @Test("an idempotency key reused for a different request is a conflict")
    func keyReuseIsConflict() throws {
        let key = [UInt8](repeating: 0x43, count: 16)
        _ = try host.call(NotesDefinition.add, "one", idempotencyKey: key)
        do {
            _ = try host.call(NotesDefinition.add, "two", idempotencyKey: key)
            Issue.record("a reused key was applied to a different request")
        } catch let error as ServiceError {
            #expect(error.code == .conflict)
            #expect(error.field == "idempotencyKey")
        }
    }

    @Test("idempotency keys survive a restart of the service")
    func keysSurviveRestart() throws {
        let key = [UInt8](repeating: 0x44, count: 16)
        let first = try host.call(NotesDefinition.add, "Protokoll", idempotencyKey: key)
        let reopened = try ServiceHost(definition: NotesDefinition(), databasePath: directory.file("notes.sqlite"),
                                       log: Log(service: "notes", level: .error, flushInterval: 0))
        #expect(try reopened.call(NotesDefinition.add, "Protokoll", idempotencyKey: key) == first)
        #expect(try reopened.call(NotesDefinition.list, Empty()) == ["Protokoll"])
    }

    @Test("keys older than the retention period are forgotten by a long-running service")
    func expiredKeysArePurged() throws {
        let now = Mutex(Timestamp(secondsSince1970: 1_700_000_000))
        let clockHost = try ServiceHost(definition: NotesDefinition(), databasePath: directory.file("clock.sqlite"),
                                        log: Log(service: "notes", level: .error, flushInterval: 0),
                                        clock: ServiceClock(source: { now.withLock { $0 } }))
        let key = [UInt8](repeating: 0x45, count: 16)
        _ = try clockHost.call(NotesDefinition.add, "first", idempotencyKey: key)
        // Eight days later the key has expired: the same key is a new write (and a conflict on the title).
        now.withLock { $0 = $0.adding(seconds: Int64(8 * 24 * 3600)) }
        _ = try clockHost.call(NotesDefinition.add, "second", idempotencyKey: [UInt8](repeating: 0x46, count: 16))
        do {
            _ = try clockHost.call(NotesDefinition.add, "first", idempotencyKey: key)
            Issue.record("an expired key was replayed")
        } catch let error as ServiceError {
            #expect(error.code == .conflict)
            #expect(error.field == nil)  // the UNIQUE title, not the idempotency key
        }
    }

    @Test("a handler that throws after writing leaves nothing behind")
    func rollbackOnThrow() throws {
        #expect(throws: ServiceError.self) { _ = try host.call(NotesDefinition.addThenFail, "half-written") }
        #expect(try host.call(NotesDefinition.list, Empty()).isEmpty)
        #expect(try host.call(CommonMethods.audit, AuditQuery()).isEmpty)
    }

    @Test("a role the method does not admit is forbidden, naming the key, its role and the admitted roles")
    func forbidden() throws {
        do {
            _ = try host.call(NotesDefinition.add, "x", keyID: "viewer", role: .read)
            Issue.record("a read key wrote")
        } catch let error as ServiceError {
            #expect(error.code == .forbidden)
            #expect(error.message.contains("viewer") && error.message.contains("write"))
        }
        #expect(throws: ServiceError.self) { _ = try host.call(NotesDefinition.purge, Empty(), role: .write) }
        #expect(try host.call(NotesDefinition.purge, Empty(), role: .admin) == 0)
    }

    @Test("validation errors keep their field; a UNIQUE violation that escapes becomes conflict")
    func errorMapping() throws {
        do {
            _ = try host.call(NotesDefinition.add, "")
        } catch let error as ServiceError {
            #expect(error.code == .validation && error.field == "title")
        }
        _ = try host.call(NotesDefinition.add, "dup")
        do {
            _ = try host.call(NotesDefinition.add, "dup")
            Issue.record("duplicate accepted")
        } catch let error as ServiceError {
            #expect(error.code == .conflict)
        }
    }

    @Test("an unknown method id is answered with unknown_method")
    func unknownMethod() {
        let result = host.handle(IncomingRequest(method: 0x0FFF, requestID: 1, idempotencyKey: nil, payload: [],
                                                 keyID: "k", role: .admin))
        guard case .failure(let error) = result else { Issue.record("unknown method answered"); return }
        #expect(error.code == .unknownMethod)
    }

    @Test("a malformed request payload is bad_request, not a crash")
    func malformedPayload() {
        let result = host.handle(IncomingRequest(method: NotesDefinition.add.id, requestID: 1, idempotencyKey: nil,
                                                 payload: [0xFF, 0x00, 0x13], keyID: "k", role: .admin))
        guard case .failure(let error) = result else { Issue.record("garbage accepted"); return }
        #expect(error.code == .badRequest)
    }

    @Test("an Empty request must still be a map: an array, a string or trailing bytes are bad_request",
          arguments: [[0x08, 0x01, 0x00], [0x06, 0x00], [0x09, 0x01, 0x00, 0x00], [0x00]] as [[UInt8]])
    func emptyRequestMustBeAMap(_ payload: [UInt8]) {
        let result = host.handle(IncomingRequest(method: CommonMethods.stats.id, requestID: 1, idempotencyKey: nil,
                                                 payload: payload, keyID: "k", role: .read))
        guard case .failure(let error) = result else { Issue.record("accepted \(payload)"); return }
        #expect(error.code == .badRequest)
    }

    @Test("health reports ok and the schema version; stats count requests by method")
    func healthAndStats() throws {
        let health = try host.call(CommonMethods.health, HealthRequest(), role: .read)
        #expect(health.status == "ok" && health.service == "notes" && health.schemaVersion == 1)
        _ = try host.call(NotesDefinition.list, Empty())
        let stats = try host.call(CommonMethods.stats, Empty())
        #expect(stats.requestsByMethod["notes.list"] == 1)
        #expect(stats.requestsByMethod["health"] == 1)
        #expect(stats.requests >= 2)
    }
}
