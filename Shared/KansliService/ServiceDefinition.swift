import KansliStore

/// What makes a service: a name, a schema, the peers it calls and its handlers. The runtime does
/// the rest.
public protocol ServiceDefinition: Sendable {
    /// `registry`, `finance` or `documents`: names the database file, log lines and the handshake.
    static var serviceName: String { get }
    /// The service's schema, in order; the runtime applies the pending ones at start.
    var migrations: [Migration] { get }
    /// The services this one calls (`registry` …): `ServiceMain` offers an address option for
    /// each, and handlers reach them through `PrepareContext.peers`.
    var peers: [String] { get }
    /// Registers the service's handlers.
    func register(into router: ServiceRouter)
}

extension ServiceDefinition {
    /// A service calls no peers unless it says so.
    public var peers: [String] { [] }
}
