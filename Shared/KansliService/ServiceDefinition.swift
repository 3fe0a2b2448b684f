import KansliStore

/// What makes a service: a name, a schema and handlers. The runtime does the rest.
public protocol ServiceDefinition: Sendable {
    /// `registry`, `finance` or `documents`: names the database file, log lines and the handshake.
    static var serviceName: String { get }
    /// The service's schema, in order; the runtime applies the pending ones at start.
    var migrations: [Migration] { get }
    /// Registers the service's handlers.
    func register(into router: ServiceRouter)
}
