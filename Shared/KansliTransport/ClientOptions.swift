import KansliFraming

/// How a `ServiceClient` connects, waits and retries.
public struct ClientOptions: Sendable {
    /// Seconds a TCP connect may take.
    public var connectTimeout: Double = 3
    /// Seconds a call may take in all, retries included, unless the call gives its own.
    public var callTimeout: Double = 10
    /// Attempts per call: the first plus retries after connection failures, timeouts and
    /// `unavailable` answers. Writes are retried safely because they carry an idempotency key.
    public var maxAttempts: Int = 3
    /// The first backoff before a retry, doubled each time up to `maxBackoff` (seconds).
    public var initialBackoff: Double = 0.05
    public var maxBackoff: Double = 1
    /// Idle connections kept for reuse.
    public var maxIdleConnections: Int = 16
    /// If set, the handshake fails unless the server names this service (`registry` …).
    public var expectedService: String?
    /// Frame limits for what the client sends and accepts.
    public var frameLimits = FrameLimits()

    public init() {}
}
