import KansliPlatform

/// The methods every Kansli service answers, whatever its domain.
public enum CommonMethods {
    /// Is the service up, does its database answer, and (when asked) do its peers answer?
    public static let health = Method<HealthRequest, HealthStatus>(id: 0x0001, name: "health", access: .read, roles: .readers)
    /// Counters since start: requests, errors, connections, latency percentiles.
    public static let stats = Method<Empty, ServiceStats>(id: 0x0002, name: "stats", access: .read, roles: .readers)
    /// The newest entries of the service's audit trail (every write, who made it, when).
    public static let audit = Method<AuditQuery, [AuditEntry]>(id: 0x0003, name: "audit", access: .read, roles: .readers)
    /// The service's current time, and whether it is simulated.
    public static let clock = Method<Empty, ClockStatus>(id: 0x0004, name: "clock", access: .read, roles: RoleSet.readers.union(.signer))
    /// Moves a simulated clock forward (a service started with `--simulated-clock`); a real clock,
    /// or an earlier time, is refused.
    public static let clockSet = Method<ClockSetRequest, ClockStatus>(id: 0x0005, name: "clock.set", access: .write, roles: .admins)
    /// An online, consistent copy of the service's database (SQLite's backup API), written into
    /// its data directory while the service goes on taking writes.
    public static let backup = Method<Empty, BackupResult>(id: 0x0006, name: "admin.backup", access: .read, roles: .admins)
}

/// The answer to `admin.backup`: where the copy is and what was checked of it.
public struct BackupResult: Codable, Sendable, Equatable {
    /// The copy's path on the service's host: `<data-dir>/backups/<service>-<UTC time>.sqlite`.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int
    /// The database pages copied.
    public var pages: Int
    /// What `PRAGMA integrity_check` said of the copy: `ok`, or the first problem.
    public var integrity: String
    /// When it was taken (the service's clock).
    public var takenAt: Timestamp

    public init(path: String, bytes: Int, pages: Int, integrity: String, takenAt: Timestamp) {
        self.path = path
        self.bytes = bytes
        self.pages = pages
        self.integrity = integrity
        self.takenAt = takenAt
    }
}

/// The answer to `clock` and `clock.set`.
public struct ClockStatus: Codable, Sendable, Equatable {
    /// The time the service's handlers see now.
    public var now: Timestamp
    /// Whether it is a simulated clock (`--simulated-clock`) rather than the system's.
    public var simulated: Bool

    public init(now: Timestamp, simulated: Bool) {
        self.now = now
        self.simulated = simulated
    }
}

/// The request of `clock.set`.
public struct ClockSetRequest: Codable, Sendable, Equatable {
    /// The time the simulated clock is to read; not earlier than it reads now.
    public var to: Timestamp

    public init(to: Timestamp) { self.to = to }
}

/// A request or response with no fields. It encodes as an empty map, so fields can be added later.
public struct Empty: Codable, Sendable, Equatable {
    public init() {}

    private enum CodingKeys: CodingKey {}

    /// Requires a map (of any fields, which are ignored): a payload that is not one is malformed.
    public init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: CodingKeys.self)
    }
}

/// The answer to `health`.
public struct HealthStatus: Codable, Sendable, Equatable {
    /// `registry`, `finance` or `documents`.
    public var service: String
    /// The build's version string.
    public var version: String
    /// `ok` when the service can serve requests; otherwise what is wrong.
    public var status: String
    /// The database schema version the service runs on.
    public var schemaVersion: Int
    /// Seconds since the process started.
    public var uptimeSeconds: Double
    /// The peers this service calls and how each answered; only when the request asked
    /// (`HealthRequest.peers`) and the service has peers.
    public var peers: [PeerHealth]?

    public init(service: String, version: String, status: String, schemaVersion: Int, uptimeSeconds: Double,
                peers: [PeerHealth]? = nil) {
        self.service = service
        self.version = version
        self.status = status
        self.schemaVersion = schemaVersion
        self.uptimeSeconds = uptimeSeconds
        self.peers = peers
    }
}

/// The answer to `stats`: counters since the process started.
public struct ServiceStats: Codable, Sendable, Equatable {
    public var service: String
    public var uptimeSeconds: Double
    /// Connections open now, and accepted since start.
    public var openConnections: Int
    public var acceptedConnections: Int
    /// Connections refused because the limit was reached.
    public var refusedConnections: Int
    /// Handshakes that failed authentication.
    public var failedHandshakes: Int
    /// Requests answered, and how many of them with an error.
    public var requests: Int
    public var errors: Int
    /// Writes answered from the idempotency store instead of being applied again.
    public var replayedWrites: Int
    /// Request latency percentiles in microseconds over the recent window.
    public var latencyP50Microseconds: Double
    public var latencyP99Microseconds: Double
    /// Per method name: how many requests.
    public var requestsByMethod: [String: Int]

    public init(service: String, uptimeSeconds: Double, openConnections: Int, acceptedConnections: Int,
                refusedConnections: Int, failedHandshakes: Int, requests: Int, errors: Int,
                replayedWrites: Int, latencyP50Microseconds: Double, latencyP99Microseconds: Double,
                requestsByMethod: [String: Int]) {
        self.service = service
        self.uptimeSeconds = uptimeSeconds
        self.openConnections = openConnections
        self.acceptedConnections = acceptedConnections
        self.refusedConnections = refusedConnections
        self.failedHandshakes = failedHandshakes
        self.requests = requests
        self.errors = errors
        self.replayedWrites = replayedWrites
        self.latencyP50Microseconds = latencyP50Microseconds
        self.latencyP99Microseconds = latencyP99Microseconds
        self.requestsByMethod = requestsByMethod
    }
}

/// Which audit entries to return.
public struct AuditQuery: Codable, Sendable, Equatable {
    /// At most this many entries, newest first (capped by the server at 1 000).
    public var limit: Int
    /// Only entries about this entity kind (`party`, `person` …), if set.
    public var entity: String?

    public init(limit: Int = 50, entity: String? = nil) {
        self.limit = limit
        self.entity = entity
    }

    private enum CodingKeys: String, CodingKey { case limit, entity }

    /// `limit` may be left out (50).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? 50
        entity = try container.decodeIfPresent(String.self, forKey: .entity)
    }
}

/// One change recorded in a service's audit trail, written in the same transaction as the change.
public struct AuditEntry: Codable, Sendable, Equatable {
    public var sequence: Int64
    /// When the change was committed (UTC, ISO 8601 with milliseconds).
    public var at: String
    /// The client key id that made the change.
    public var keyID: String
    /// The method that made it.
    public var method: String
    /// `create`, `update`, `end`, `import` …
    public var action: String
    /// The kind of record, and its id.
    public var entity: String
    public var entityID: String
    /// A one-line human summary of the change.
    public var summary: String

    public init(sequence: Int64, at: String, keyID: String, method: String, action: String,
                entity: String, entityID: String, summary: String) {
        self.sequence = sequence
        self.at = at
        self.keyID = keyID
        self.method = method
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.summary = summary
    }
}

/// The request of `health`.
public struct HealthRequest: Codable, Sendable, Equatable {
    /// Also ask each peer this service calls for its health (one call each, within the
    /// service's peer timeout). A service asking a peer never sets it, so checks do not recurse.
    public var peers: Bool?

    public init(peers: Bool = false) {
        self.peers = peers ? true : nil
    }
}

/// How one peer answered a service's health check.
public struct PeerHealth: Codable, Sendable, Equatable {
    /// The peer's name: `registry`, `finance` or `documents`.
    public var service: String
    /// Where this service reaches it (`127.0.0.1:7401`), if configured.
    public var address: String?
    /// `ok`, `not_configured`, `unavailable` (no answer in time) or `refused` (it answered with
    /// an error: a key or version problem).
    public var status: String
    /// What went wrong, for an operator, when `status` is not `ok`.
    public var message: String?

    public init(service: String, address: String?, status: String, message: String? = nil) {
        self.service = service
        self.address = address
        self.status = status
        self.message = message
    }
}
