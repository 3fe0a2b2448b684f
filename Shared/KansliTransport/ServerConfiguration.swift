import KansliFraming

/// How a `Server` listens and what it tolerates. Every limit is named here.
public struct ServerConfiguration: Sendable {
    /// The address to bind; `127.0.0.1` by default (use a tunnel between hosts).
    public var host: String = "127.0.0.1"
    /// The port; 0 binds a free port, which `Server.start()` returns.
    public var port: Int = 0
    /// The service's name, sent in the handshake challenge and written in every log line.
    public var serviceName: String
    /// Authenticated connections served at once; a further one gets an `unavailable` error
    /// after its handshake and is closed.
    public var maxConnections: Int = 1024
    /// Connections in the handshake at once, counted apart from `maxConnections`. When they are
    /// full, a new connection replaces the oldest one that has not sent its whole hello; if every
    /// one has, the new connection gets `unavailable`.
    public var maxPendingHandshakes: Int = 128
    /// A connection with no frame in progress is closed this many seconds after its last answer.
    public var idleTimeout: Double = 300
    /// Once a frame has begun, all of it must arrive within this many seconds.
    public var readTimeout: Double = 15
    /// The whole handshake, from accept to welcome, must complete within this many seconds.
    public var handshakeTimeout: Double = 10
    /// A response must be accepted by the peer, all of it, within this many seconds.
    public var writeTimeout: Double = 15
    /// Frame size, decompression and compression limits.
    public var frameLimits = FrameLimits()
    /// On shutdown, in-flight requests get this long to finish.
    public var shutdownGracePeriod: Double = 10

    public init(serviceName: String) {
        self.serviceName = serviceName
    }
}
