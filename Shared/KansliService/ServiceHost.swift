import Foundation
import KansliCrypto
import KansliProtocol
import KansliStore
import KansliTransport
import Synchronization

/// Runs a service's handlers for requests, from the network (as the `Server`'s
/// `RequestHandler`) or in-process (`call`, for tests and tools), with the same checks either way:
/// role, transaction, idempotency, audit, error mapping, metrics and one log line per request.
public final class ServiceHost: RequestHandler, Sendable {
    /// The service's name (`registry` …).
    public let serviceName: String
    /// The service's own database.
    public let database: Database
    /// The version string reported by `health`.
    public static let version = "0.1.0"

    private let router = ServiceRouter()
    private let log: Log
    private let started = ContinuousClock.now
    private let schemaVersion: Int
    private let metrics = Mutex(RequestMetrics())
    private let transportStatistics = Mutex<(@Sendable () -> TransportStatistics)?>(nil)
    private let clock: @Sendable () -> Date
    /// When expired idempotency keys were last deleted (seconds since 1970); checked on writes.
    private let lastPurge = Atomic<Int64>(0)
    /// Expired idempotency keys are deleted at start and then at most this often, in a write.
    static let purgeInterval: Int64 = 3600

    /// Opens (creating if needed) the database at `databasePath`, applies the runtime's tables and
    /// the service's migrations, and registers its handlers and the common methods.
    public init<Definition: ServiceDefinition>(definition: Definition, databasePath: String, log: Log,
                                               clock: @escaping @Sendable () -> Date = { Date() }) throws {
        serviceName = Definition.serviceName
        self.log = log
        self.clock = clock
        database = try Database(path: databasePath)
        try database.write { connection in
            try connection.executeScript(AuditTrail.schema)
            try connection.executeScript(IdempotencyStore.schema)
            try IdempotencyStore.purge(before: clock(), on: connection)
        }
        lastPurge.store(Int64(clock().timeIntervalSince1970), ordering: .relaxed)
        try database.migrate(definition.migrations)
        schemaVersion = definition.migrations.map(\.version).max() ?? 0
        definition.register(into: router)
        registerCommonMethods()
    }

    /// Lets `stats` report the server's connection counters.
    public func attach(transportStatistics source: @escaping @Sendable () -> TransportStatistics) {
        transportStatistics.withLock { $0 = source }
    }

    /// The registered methods (common ones included).
    public var methods: [MethodSummary] { router.methods }

    private func registerCommonMethods() {
        router.register(CommonMethods.health) { [unowned self] _, context in
            _ = try context.connection.queryOne("SELECT 1")
            return HealthStatus(service: serviceName, version: ServiceHost.version, status: "ok",
                                schemaVersion: schemaVersion, uptimeSeconds: uptime)
        }
        router.register(CommonMethods.stats) { [unowned self] _, _ in statistics() }
        router.register(CommonMethods.audit) { query, context in
            try AuditTrail.list(query, on: context.connection)
        }
    }

    private var uptime: Double {
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
            guard let route = router.route(for: request.method) else {
                throw ServiceError(.unknownMethod, "method \(methodName) is not a method of the \(serviceName) service")
            }
            methodName = route.name
            guard route.roles.contains(request.role) else {
                throw ServiceError(.forbidden, "key \"\(request.keyID)\" has the \(request.role.rawValue) role; \(route.name) admits \(route.roles)")
            }
            result = .success(try run(route, request, replayed: &replayed))
        } catch let error as ServiceError {
            result = .failure(error)
        } catch let error as DatabaseError {
            result = .failure(ServiceHost.map(error))
        } catch {
            result = .failure(ServiceError(.internal, "\(methodName) failed: \(error)"))
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
        if case .failure(let error) = result {
            log.info("request", ["request_id": String(request.requestID), "method": methodName,
                                 "duration_us": String(Int(microseconds)), "outcome": outcome,
                                 "key_id": request.keyID, "error": error.message])
        } else {
            log.info("request", ["request_id": String(request.requestID), "method": methodName,
                                 "duration_us": String(Int(microseconds)), "outcome": outcome, "key_id": request.keyID])
        }
        return result
    }

    private func run(_ route: ServiceRouter.Route, _ request: IncomingRequest, replayed: inout Bool) throws -> [UInt8] {
        let now = clock()
        func context(_ connection: Connection) -> HandlerContext {
            HandlerContext(keyID: request.keyID, role: request.role, methodName: route.name,
                           requestID: request.requestID, now: now, connection: connection)
        }
        guard route.access == .write else {
            return try database.read { connection in try route.call(request.payload, context(connection)) }
        }
        guard let key = request.idempotencyKey else {
            return try database.write { connection in try route.call(request.payload, context(connection)) }
        }
        let requestHash = SHA256.hash(request.payload)
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let last = lastPurge.load(ordering: .relaxed)
        let purgeDue = nowSeconds - last >= ServiceHost.purgeInterval
            && lastPurge.compareExchange(expected: last, desired: nowSeconds, ordering: .relaxed).exchanged
        let (response, wasReplayed) = try database.write { connection -> ([UInt8], Bool) in
            // A long-running service forgets keys past their retention here, in an ordinary write.
            if purgeDue { try IdempotencyStore.purge(before: now, on: connection) }
            if let stored = try IdempotencyStore.storedResponse(for: key, keyID: request.keyID, method: request.method,
                                                                requestHash: requestHash, on: connection) {
                return (stored, true)
            }
            let response = try route.call(request.payload, context(connection))
            try IdempotencyStore.record(key: key, keyID: request.keyID, method: request.method,
                                        requestHash: requestHash, response: response, at: now, on: connection)
            return (response, false)
        }
        replayed = wasReplayed
        return response
    }

    /// Maps a database failure that escaped a handler to the error the client sees.
    static func map(_ error: DatabaseError) -> ServiceError {
        if error.isConstraintViolation {
            return ServiceError(.conflict, "the change conflicts with existing records: \(error.message)")
        }
        if error.resultCode.primary == .busy {
            return ServiceError(.unavailable, "the database is busy; retry: \(error.message)")
        }
        return ServiceError(.internal, "database failure: \(error)")
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
