import Dispatch
import KansliProtocol
import KansliTransport
import Synchronization

/// The peers one request may call, and the absolute deadline all its calls share: the request's
/// arrival plus the service's peer timeout, which is shorter than a client's own deadline, so a
/// peer that hangs makes the request answer `unavailable` before the client gives up.
public struct PeerCalls: Sendable {
    let peers: Peers
    /// When every peer call of this request must have been answered.
    public let deadline: ContinuousClock.Instant

    init(peers: Peers, deadline: ContinuousClock.Instant) {
        self.peers = peers
        self.deadline = deadline
    }

    /// How every peer answers `health`, asked at the same time, so one that hangs until the
    /// deadline does not leave the others without time; in the order of `Peers.names`.
    func healthOfAll() -> [PeerHealth] {
        let names = peers.names
        let results = Mutex([PeerHealth?](repeating: nil, count: names.count))
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let health = self.health(of: names[index])
            results.withLock { $0[index] = health }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// How the peer named `service` answers `health` (without asking its own peers).
    func health(of service: String) -> PeerHealth {
        let address = peers.address(of: service)
        guard address != nil else {
            return PeerHealth(service: service, address: nil, status: "not_configured",
                              message: "set --\(service)-address and --peer-key-file")
        }
        do {
            let status = try peers.client(for: service).call(CommonMethods.health, HealthRequest(), deadline: deadline)
            return PeerHealth(service: service, address: address, status: status.status == "ok" ? "ok" : "unavailable",
                              message: status.status == "ok" ? nil : "it reports \(ServiceError.quote(status.status))")
        } catch {
            let status = error.code == .unavailable || error.code == .timeout ? "unavailable" : "refused"
            return PeerHealth(service: service, address: address, status: status, message: error.description)
        }
    }

    /// Calls `method` on the peer named `service` (`registry` …) within the request's deadline.
    ///
    /// Errors, as this service's client sees them:
    /// - the peer is unreachable, answers `unavailable` or does not answer in time: `unavailable`,
    ///   naming the peer, so the client may retry;
    /// - the peer refuses the request on its merits (`validation`, `not_found`, `conflict`): the
    ///   same code and field, the message prefixed with the peer's name;
    /// - the peer refuses this service's key, does not know the method, or fails: `internal`,
    ///   naming the peer: an operator must fix the deployment (key files, versions).
    public func call<Request, Response>(_ service: String, _ method: Method<Request, Response>,
                                        _ request: Request) throws(ServiceError) -> Response {
        let client = try peers.client(for: service)
        do {
            return try client.call(method, request, deadline: deadline)
        } catch {
            throw Peers.translate(error, from: service, method: method.name)
        }
    }
}
