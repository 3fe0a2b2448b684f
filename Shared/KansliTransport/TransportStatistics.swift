/// Connection counters a server keeps since it started.
public struct TransportStatistics: Sendable, Equatable {
    /// Connections open now.
    public var openConnections = 0
    /// Connections accepted (and admitted) since start.
    public var acceptedConnections = 0
    /// Connections refused because `maxConnections` were authenticated, or
    /// `maxPendingHandshakes` were in the handshake and every one had sent its hello.
    public var refusedConnections = 0
    /// Half-open handshakes (no whole hello yet) closed to make room for a new connection.
    public var evictedHandshakes = 0
    /// Handshakes that failed (unknown key, wrong secret, malformed handshake).
    public var failedHandshakes = 0
    /// Connections closed because a frame was malformed or failed its MAC.
    public var protocolErrors = 0

    public init() {}
}
