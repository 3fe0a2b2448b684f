import KansliProtocol
import KansliTransport
import Synchronization

/// The other services a service calls, each as a `ServiceClient`, and the timeout for calls to
/// them. Built by `ServiceMain` from the command line (TCP), or by a test from in-process
/// transports; a peer the definition names but the deployment did not configure answers
/// `unavailable` with a message that says which option configures it.
///
/// The clients can be replaced while the service runs (a SIGHUP re-reads the client key).
public final class Peers: Sendable {
    /// The peers the service's definition names, configured or not.
    public let names: [String]
    /// Seconds all the peer calls of one request may take together.
    public let timeout: Double
    private let clients: Mutex<[String: ServiceClient]>

    /// `names` are the peers the definition declares; `clients` those configured.
    public init(names: [String] = [], clients: [String: ServiceClient] = [:], timeout: Double = Peers.defaultTimeout) {
        self.names = names
        self.timeout = timeout
        self.clients = Mutex(clients)
    }

    /// Peers reached over TCP as described by `configurations`.
    public convenience init(names: [String], configurations: [PeerConfiguration], timeout: Double = Peers.defaultTimeout) {
        var clients: [String: ServiceClient] = [:]
        for configuration in configurations {
            clients[configuration.service] = Peers.client(for: configuration, timeout: timeout)
        }
        self.init(names: names, clients: clients, timeout: timeout)
    }

    /// The default peer timeout: well under a client's default deadline (10 s).
    public static let defaultTimeout: Double = 4

    /// A TCP client for `configuration` that insists the peer is the service it is meant to be.
    static func client(for configuration: PeerConfiguration, timeout: Double) -> ServiceClient {
        var options = ClientOptions()
        options.expectedService = configuration.service
        options.callTimeout = timeout
        options.connectTimeout = min(options.connectTimeout, timeout)
        return ServiceClient(host: configuration.host, port: configuration.port, credential: configuration.credential,
                             options: options)
    }

    /// Replaces the client of each peer in `configurations` (after a key reload).
    public func replace(_ configurations: [PeerConfiguration]) {
        let fresh = configurations.map { ($0.service, Peers.client(for: $0, timeout: timeout)) }
        let old = clients.withLock { clients -> [ServiceClient] in
            fresh.compactMap { name, client in
                defer { clients[name] = client }
                return clients[name]
            }
        }
        old.forEach { $0.close() }
    }

    /// The client of `service`, or `unavailable` when the deployment did not configure it.
    public func client(for service: String) throws(ServiceError) -> ServiceClient {
        if let client = clients.withLock({ $0[service] }) { return client }
        if names.contains(service) {
            throw ServiceError(.unavailable, "the \(service) service is not configured here (--\(service)-address and --peer-key-file); ask an operator")
        }
        throw ServiceError(.internal, "this service has no peer named \(ServiceError.quote(service))")
    }

    /// The address of `service` for messages, or nil when it is not configured.
    public func address(of service: String) -> String? {
        clients.withLock { $0[service] }?.transport.peerDescription
    }

    /// The calls of one request that arrived now.
    func calls(from start: ContinuousClock.Instant = .now) -> PeerCalls {
        PeerCalls(peers: self, deadline: start + .microseconds(Int64(timeout * 1_000_000)))
    }

    /// Closes every client's connections.
    public func close() {
        clients.withLock { $0.values.forEach { $0.close() } }
    }

    /// What a failed peer call becomes for this service's client (see `PeerCalls.call`).
    static func translate(_ error: ServiceError, from service: String, method: String) -> ServiceError {
        switch error.code {
        case .unavailable, .timeout:
            return ServiceError(.unavailable, "the \(service) service did not answer \(method): \(error.message); retry later",
                                cause: error)
        case .validation, .notFound, .conflict:
            return ServiceError(error.code, "\(service): \(error.message)", field: error.field, cause: error)
        default:
            return ServiceError(.internal, "the \(service) service refused \(method) (\(error.code)): \(error.message); an operator must check this service's key and version there",
                                cause: error)
        }
    }
}
