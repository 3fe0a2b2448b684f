import KansliFraming

/// How a `Server` listens and what it tolerates. Every limit is named here.
public struct ServerConfiguration: Sendable {
    /// The address to bind; `127.0.0.1` by default (use a tunnel between hosts).
    public var host: String = "127.0.0.1"
    /// The port; 0 binds a free port, which `Server.start()` returns.
    public var port: Int = 0
    /// The service's name, sent in the handshake challenge and written in every log line.
    public var serviceName: String
    /// Connections served at once; further ones get an `unavailable` error and are closed.
    public var maxConnections: Int = 1024
    /// A connection with no frame in progress is closed after this many seconds of silence.
    public var idleTimeout: Double = 300
    /// Once a frame has begun, each read must deliver more within this many seconds.
    public var readTimeout: Double = 15
    /// The handshake must complete within this many seconds.
    public var handshakeTimeout: Double = 10
    /// A response must be accepted by the peer within this many seconds.
    public var writeTimeout: Double = 15
    /// Frame size, decompression and compression limits.
    public var frameLimits = FrameLimits()
    /// On shutdown, in-flight requests get this long to finish.
    public var shutdownGracePeriod: Double = 10

    public init(serviceName: String) {
        self.serviceName = serviceName
    }
}
