import KansliFraming

/// How a `ServiceClient` connects, waits and retries.
public struct ClientOptions: Sendable {
    /// Seconds a TCP connect may take.
    public var connectTimeout: Double = 3
    /// Seconds a call may take in all, retries included, unless the call gives its own.
    public var callTimeout: Double = 10
    /// Attempts per call at most: the first plus retries after connection failures and
    /// `unavailable` answers, with backoff, until the call's deadline. Unlimited by default, so a
    /// service restarting within the deadline is waited for. Writes are retried safely because
    /// they carry an idempotency key.
    public var maxAttempts: Int = .max
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
