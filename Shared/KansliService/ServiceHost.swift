import Dispatch
import KansliCrypto
import KansliPlatform
import KansliProtocol
import KansliStore
import KansliTransport
import Synchronization

/// Runs a service's handlers for requests, from the network (as the `Server`'s
/// `RequestHandler`) or in-process (`call`, or an `InProcessTransport` for another service's
/// client), with the same checks either way: role, preparation outside the transaction,
/// transaction, idempotency, audit, error mapping, metrics and one log line per request.
public final class ServiceHost: RequestHandler, Sendable {
    /// The service's name (`registry` …).
    public let serviceName: String
    /// The service's own database.
    public let database: Database
    /// The other services this one calls.
    public let peers: Peers
    /// The version string reported by `health`.
    public static let version = "0.2.0"

    private let routes: [UInt16: ServiceRouter.Route]
    /// Every registered method (common ones included), by id.
    public let methods: [MethodSummary]
    private let log: Log
    private let started = ContinuousClock.now
    private let schemaVersion: Int
    private let metrics = Mutex(RequestMetrics())
    private let transportStatistics = Mutex<(@Sendable () -> TransportStatistics)?>(nil)
    /// The time handlers see (`context.now`); simulated under `--simulated-clock`.
    public let clock: ServiceClock
    /// When expired idempotency keys were last deleted (seconds since 1970); checked on writes.
    private let lastPurge = Atomic<Int64>(0)
    /// Expired idempotency keys are deleted at start and then at most this often, in a write.
    static let purgeInterval: Int64 = 3600

    /// Opens (creating if needed) the database at `databasePath`, applies the runtime's tables and
    /// the service's migrations, and registers its handlers and the common methods. `peers` are
    /// the clients of the services it calls (none configured: every peer call is `unavailable`).
    /// A simulated `clock` resumes from the time an earlier run left it, or from `clockStart` if
    /// that is later.
    public init<Definition: ServiceDefinition>(definition: Definition, databasePath: String, log: Log,
                                               peers: Peers? = nil, clock: ServiceClock = ServiceClock(),
                                               clockStart: Timestamp? = nil) throws {
        serviceName = Definition.serviceName
        self.log = log
        self.clock = clock
        self.peers = peers ?? Peers(names: definition.peers)
        database = try Database(path: databasePath)
        try database.write { connection in
            try connection.executeScript(AuditTrail.schema)
            try connection.executeScript(IdempotencyStore.schema)
            try connection.executeScript(ServiceClock.schema)
            try clock.restore(from: connection, start: clockStart)
            try IdempotencyStore.purge(before: clock.realNow(), on: connection)
        }
        lastPurge.store(clock.realNow().secondsSince1970, ordering: .relaxed)
        try database.migrate(definition.migrations)
        schemaVersion = definition.migrations.map(\.version).max() ?? 0
        let router = ServiceRouter()
        definition.register(into: router)
        ServiceHost.registerCommonMethods(into: router, service: Definition.serviceName, schemaVersion: schemaVersion)
        routes = router.routes
        methods = router.methods
    }

    /// Lets `stats` report the server's connection counters.
    public func attach(transportStatistics source: @escaping @Sendable () -> TransportStatistics) {
        transportStatistics.withLock { $0 = source }
    }

    private static func registerCommonMethods(into router: ServiceRouter, service: String, schemaVersion: Int) {
        router.register(CommonMethods.health, prepare: { request, context -> [PeerHealth]? in
            guard request.peers == true, !context.peers.peers.names.isEmpty else { return nil }
            return context.peers.healthOfAll()
        }, apply: { peers, context in
            _ = try context.connection.queryOne("SELECT 1")
            let healthy = peers?.allSatisfy { $0.status == "ok" } ?? true
            return HealthStatus(service: service, version: ServiceHost.version, status: healthy ? "ok" : "degraded",
                                schemaVersion: schemaVersion, uptimeSeconds: context.host.uptime, peers: peers)
        })
        router.register(CommonMethods.stats) { _, context in context.host.statistics() }
        router.register(CommonMethods.audit) { query, context in
            try AuditTrail.list(query, on: context.connection)
        }
        router.register(CommonMethods.clock) { _, context in context.host.clock.status() }
        router.register(CommonMethods.backup) { _, context in try context.host.backup(now: context.now) }
        router.register(CommonMethods.clockSet) { request, context in
            let clock = context.host.clock
            clock.apply(offset: try clock.offset(toReach: request.to))
            try clock.store(on: context.connection)
            try context.audit(action: "clock.set", entity: "clock", entityID: context.host.serviceName,
                              summary: "simulated clock set to \(request.to.iso8601(.milliseconds))")
            return clock.status()
        }
    }

    /// Writes a consistent copy of the database into `<data-dir>/backups/` and checks it.
    func backup(now: Timestamp) throws -> BackupResult {
        let directory = (database.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/"))
        let backups = (directory.isEmpty ? "." : directory) + "/backups"
        do {
            try FileSystem.createDirectories(backups, permissions: 0o700)
        } catch {
            throw ServiceError(.internal, "cannot create \(backups): \(error)")
        }
        // The real time names the file: a simulated clock may repeat a name across demo runs.
        let stamp = Timestamp.now().iso8601(.milliseconds).filter { $0.isNumber || $0 == "T" || $0 == "Z" }
        let path = "\(backups)/\(serviceName)-\(stamp).sqlite"
        let pages: Int
        let integrity: String
        do {
            pages = try database.backup(to: path)
            let copy = try Database(path: path)
            integrity = try copy.read { try $0.queryOne("PRAGMA integrity_check")?.get(0, as: String.self) } ?? "no answer"
        } catch {
            throw ServiceError(.internal, "the backup to \(path) failed: \(error)")
        }
        let size = (try? FileSystem.size(of: path)) ?? 0
        log.info("backup", ["path": path, "pages": "\(pages)", "integrity": integrity])
        return BackupResult(path: path, bytes: size, pages: pages, integrity: integrity, takenAt: now)
    }

    var uptime: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The counters since start.
    public func statistics() -> ServiceStats {
        let transport = transportStatistics.withLock { $0 }?() ?? TransportStatistics()
        return metrics.withLock { metrics in
            ServiceStats(service: serviceName, uptimeSeconds: uptime,
                         openConnections: transport.openConnections, acceptedConnections: transport.acceptedConnections,
                         refusedConnections: transport.refusedConnections, failedHandshakes: transport.failedHandshakes,
                         requests: metrics.requests, errors: metrics.errors, replayedWrites: metrics.replayedWrites,
                         latencyP50Microseconds: metrics.percentile(0.5), latencyP99Microseconds: metrics.percentile(0.99),
                         requestsByMethod: metrics.byMethod)
        }
    }

    // MARK: Answering requests

    public func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError> {
        let start = ContinuousClock.now
        var replayed = false
        var methodName = "0x" + String(request.method, radix: 16)
        let result: Result<[UInt8], ServiceError>
        do {
            guard let route = routes[request.method] else {
                throw ServiceError(.unknownMethod, "method \(methodName) is not a method of the \(serviceName) service")
            }
            methodName = route.name
            guard route.roles.contains(request.role) else {
                throw ServiceError(.forbidden, "key \(ServiceError.quote(request.keyID)) has the \(request.role.rawValue) role; \(route.name) admits \(route.roles)")
            }
            result = .success(try run(route, request, start: start, replayed: &replayed))
        } catch {
            result = .failure(ServiceHost.map(error, method: methodName))
        }
        let elapsed = ContinuousClock.now - start
        let microseconds = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
        let outcome: String
        switch result {
        case .success: outcome = replayed ? "replayed" : "ok"
        case .failure(let error): outcome = error.code.rawValue
        }
        metrics.withLock {
            $0.record(method: methodName, microseconds: microseconds, failed: outcome != "ok" && outcome != "replayed", replayed: replayed)
        }
        let requestID = String(request.requestID), duration = String(Int(microseconds))
        switch result {
        case .success:
            log.info("request", ["request_id": requestID, "method": methodName, "duration_us": duration,
                                 "outcome": outcome, "key_id": request.keyID])
        case .failure(let error) where ServiceHost.isServiceFault(error):
            // The cause (SQL, a peer's answer) is for the operator, never the client.
            log.error("request", ["request_id": requestID, "method": methodName, "duration_us": duration,
                                  "outcome": outcome, "key_id": request.keyID, "error": error.message,
                                  "cause": error.cause.map { ($0 as? ServiceError)?.logDescription ?? String(describing: $0) } ?? ""])
        case .failure(let error):
            log.info("request", ["request_id": requestID, "method": methodName, "duration_us": duration,
                                 "outcome": outcome, "key_id": request.keyID, "error": error.message])
        }
        return result
    }

    /// Whether `error` is the service's fault (or its environment's) rather than the request's:
    /// such failures are logged as errors, so `--log-level warning` still shows a full disk.
    static func isServiceFault(_ error: ServiceError) -> Bool {
        error.code == .internal || (error.code == .unavailable && error.cause != nil)
    }

    private func run(_ route: ServiceRouter.Route, _ request: IncomingRequest, start: ContinuousClock.Instant,
                     replayed: inout Bool) throws -> [UInt8] {
        let now = clock.now()
        let idempotency = route.access == .write ? request.idempotencyKey.map { key in
            (key: key, hash: SHA256.hash(request.payload))
        } : nil
        // A write retried after it was applied is answered from the store before anything else
        // runs, so its preparation does not call peers a second time.
        if let idempotency, route.callsPeers,
            let stored = try database.read({ connection in
                try IdempotencyStore.storedResponse(for: idempotency.key, keyID: request.keyID, method: request.method,
                                                    requestHash: idempotency.hash, on: connection)
            }) {
            replayed = true
            return stored
        }

        // Preparation: decoding and any peer calls, outside every transaction.
        let prepared = try route.prepare(request.payload, PrepareContext(
            keyID: request.keyID, role: request.role, methodName: route.name, requestID: request.requestID,
            now: now, peers: peers.calls(from: start), database: database))

        func context(_ connection: Connection) -> HandlerContext {
            HandlerContext(keyID: request.keyID, role: request.role, methodName: route.name,
                           requestID: request.requestID, now: now, connection: connection, host: self)
        }
        guard route.access == .write else {
            return try database.read { connection in try route.apply(prepared, context(connection)) }
        }
        guard let idempotency else {
            return try database.write { connection in try route.apply(prepared, context(connection)) }
        }
        // Keys expire by the real time: a simulated clock never drives a timeout.
        let realNow = clock.realNow()
        let nowSeconds = realNow.secondsSince1970
        let last = lastPurge.load(ordering: .relaxed)
        let purgeDue = nowSeconds - last >= ServiceHost.purgeInterval
            && lastPurge.compareExchange(expected: last, desired: nowSeconds, ordering: .relaxed).exchanged
        let (response, wasReplayed) = try database.write { connection -> ([UInt8], Bool) in
            // A long-running service forgets keys past their retention here, in an ordinary write.
            if purgeDue { try IdempotencyStore.purge(before: realNow, on: connection) }
            // Checked again inside the writer: a concurrent attempt may have applied it meanwhile.
            if let stored = try IdempotencyStore.storedResponse(for: idempotency.key, keyID: request.keyID,
                                                                method: request.method, requestHash: idempotency.hash,
                                                                on: connection) {
                return (stored, true)
            }
            let response = try route.apply(prepared, context(connection))
            try IdempotencyStore.record(key: idempotency.key, keyID: request.keyID, method: request.method,
                                        requestHash: idempotency.hash, response: response, at: realNow, on: connection)
            return (response, false)
        }
        replayed = wasReplayed
        return response
    }

    /// Maps any failure that escaped a handler to the error the client sees. Only a
    /// `ServiceError`'s own message travels; everything else becomes a message that says what to
    /// do, with the original error kept as the cause for the log.
    static func map(_ error: any Error, method: String) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error
        case let error as DatabaseError:
            return map(error)
        default:
            return ServiceError(.internal, "\(method) failed unexpectedly; the service's log has the details",
                                cause: UnexpectedError(description: String(describing: error)))
        }
    }

    /// Maps a database failure to the error the client sees: never SQL text or SQLite's message.
    static func map(_ error: DatabaseError) -> ServiceError {
        if error.isConstraintViolation {
            let what = error.isUniqueViolation ? "a record with the same key already exists"
                : error.isForeignKeyViolation ? "it refers to a record that does not exist, or one that others still refer to"
                : "it breaks a rule of the stored records"
            return ServiceError(.conflict, "the change conflicts with existing records: \(what)", cause: error)
        }
        switch error.resultCode.primary {
        case .busy, .locked:
            return ServiceError(.unavailable, "the database is busy; retry", cause: error)
        case .full:
            return ServiceError(.unavailable, "the service's disk is full, so nothing was written; an operator must free space, then retry",
                                cause: error)
        case .ioError, .readOnly, .permission, .cannotOpen:
            return ServiceError(.unavailable, "the service cannot read or write its database (an I/O or permission error), so nothing was written; an operator must check its disk, then retry",
                                cause: error)
        case .corrupt, .notADatabase:
            return ServiceError(.internal, "the service's database is damaged; an operator must restore it from a backup",
                                cause: error)
        default:
            return ServiceError(.internal, "the service's database failed; the service's log has the details", cause: error)
        }
    }

    /// An error that is neither a `ServiceError` nor a `DatabaseError`, kept as text for the log.
    struct UnexpectedError: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// Calls `method` in-process, exactly as a network request would be handled.
    public func call<Request, Response>(_ method: Method<Request, Response>, _ request: Request,
                                        keyID: String = "in-process", role: Role = .admin,
                                        idempotencyKey: [UInt8]? = nil) throws -> Response {
        let payload = try ProtocolCoding.encode(request)
        let incoming = IncomingRequest(method: method.id, requestID: 0, idempotencyKey: idempotencyKey,
                                       payload: payload, keyID: keyID, role: role)
        switch handle(incoming) {
        case .success(let bytes):
            return try ProtocolCoding.decode(Response.self, from: bytes, what: "\(method.name) response")
        case .failure(let error):
            throw error
        }
    }
}
