/// The limits a frame must stay within, named so that every one is visible and tested.
///
/// Both ends of a connection use the same limits (the defaults unless configured otherwise): the
/// receiver refuses a frame over a limit, and ``FrameWriter`` refuses to produce one, so a sender
/// learns about an oversized payload before it reaches the wire.
public struct FrameLimits: Sendable, Hashable {
    /// The largest wire payload (the bytes after the header, compressed or not) a receiver
    /// accepts. Checked against the header's length field before any payload byte is buffered.
    /// Default 4 MiB.
    public var maxPayloadBytes: Int

    /// The largest payload a compressed frame may inflate to. Checked against the length stated
    /// in the compression envelope before inflating or allocating. Default 16 MiB.
    public var maxDecompressedBytes: Int

    /// ``FrameWriter`` tries compression only for payloads at least this large, and keeps the
    /// compressed form only when it is smaller. Default 64 KiB.
    public var compressionThreshold: Int

    /// Whether a receiver accepts compressed frames at all; when false a header with the
    /// compressed flag is refused (`badFlags`) before any payload byte is read. Default true.
    public var acceptsCompressed: Bool

    /// The default limits: 4 MiB on the wire, 16 MiB inflated, compression from 64 KiB.
    public static let `default` = FrameLimits()

    /// The limits of every frame before the handshake completes, in both directions: at most
    /// ``handshakeMaxPayloadBytes`` and never compressed. An unauthenticated peer can then make a
    /// receiver hold no more than that per connection, and cannot make it inflate anything.
    public static let handshake = FrameLimits(
        maxPayloadBytes: handshakeMaxPayloadBytes,
        maxDecompressedBytes: handshakeMaxPayloadBytes,
        compressionThreshold: Int.max,
        acceptsCompressed: false
    )

    /// The largest payload of a frame sent before the handshake completes: 4 KiB, far more than
    /// a hello (about 60 bytes with a 16-byte key id) needs.
    public static let handshakeMaxPayloadBytes = 4096

    /// Creates limits; every argument defaults to the protocol's default.
    public init(
        maxPayloadBytes: Int = 4 * 1024 * 1024,
        maxDecompressedBytes: Int = 16 * 1024 * 1024,
        compressionThreshold: Int = 64 * 1024,
        acceptsCompressed: Bool = true
    ) {
        self.maxPayloadBytes = maxPayloadBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.compressionThreshold = compressionThreshold
        self.acceptsCompressed = acceptsCompressed
    }
}
