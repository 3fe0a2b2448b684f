import KansliCrypto
import KansliFraming
import KansliProtocol

/// One end of a connection at the frame level: reads whole frames from a socket, writes frames
/// with one `send`, and — once the handshake has set the session keys — MACs every frame it
/// sends and verifies every frame it receives.
///
/// Until the handshake completes, frames in both directions are held to `FrameLimits.handshake`
/// (4 KiB, never compressed) and the read buffer is small, so an unauthenticated peer can make a
/// connection hold a few KiB at most. Afterwards a frame's MAC is verified over its wire bytes
/// before it is inflated, so only an authenticated peer can make the receiver inflate.
///
/// Not thread-safe: a connection is used by one thread at a time (the server's connection
/// thread, or the client call that checked it out of the pool).
final class FrameChannel {
    let socket: Socket
    private var parser: FrameParser
    /// The limits of the session, once authenticated.
    private let sessionLimits: FrameLimits
    /// The limits of frames sent and received now: `FrameLimits.handshake` until the session.
    private var limits: FrameLimits
    private var sendMAC: SessionMAC?
    private var receiveMAC: SessionMAC?
    /// Reused for every `recv`: a whole handshake frame before the session, then 64 KiB, which
    /// covers typical frames in one system call.
    private var readBuffer: UnsafeMutableRawBufferPointer

    static let handshakeReadBufferBytes = FrameHeader.byteCount + FrameLimits.handshakeMaxPayloadBytes
    static let sessionReadBufferBytes = 64 * 1024

    init(socket: Socket, limits: FrameLimits) {
        self.socket = socket
        sessionLimits = limits
        self.limits = .handshake
        parser = FrameParser(limits: .handshake)
        readBuffer = .allocate(byteCount: FrameChannel.handshakeReadBufferBytes, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Whether the handshake completed and frames are MAC'd.
    var isAuthenticated: Bool { sendMAC != nil }

    /// Switches to authenticated frames in both directions, under the session's limits.
    func establishSession(sendKey: [UInt8], receiveKey: [UInt8]) {
        sendMAC = SessionMAC(key: sendKey)
        receiveMAC = SessionMAC(key: receiveKey)
        limits = sessionLimits
        parser.limits = sessionLimits
        readBuffer.deallocate()
        readBuffer = .allocate(byteCount: FrameChannel.sessionReadBufferBytes, alignment: 16)
    }

    /// The outcome of waiting for a frame.
    enum Received {
        case frame(Frame)
        /// The peer closed the connection between frames.
        case closed
        /// The wait's deadline passed while no frame was in progress.
        case idle
    }

    /// When a wait for a frame must end, as absolute instants: each read waits only for the time
    /// left, so a peer that trickles a byte at a time cannot stretch any of them.
    struct Deadlines {
        /// The wait for the first byte of a frame ends here (`idle`).
        var idle: ContinuousClock.Instant
        /// Once a frame has begun, all of it must arrive within this long.
        var frame: Duration
        /// Nothing is waited for past this, a frame in progress included (the handshake's whole
        /// deadline on the server, the call's deadline on the client); nil for none.
        var overall: ContinuousClock.Instant?

        /// One deadline for everything: the client's call deadline.
        static func until(_ deadline: ContinuousClock.Instant) -> Deadlines {
            Deadlines(idle: deadline, frame: .seconds(86_400), overall: deadline)
        }
    }

    /// A frame had begun when a deadline passed, or the peer closed in the middle of it.
    struct Stalled: Error {
        /// The bytes of the unfinished frame received.
        let bufferedBytes: Int
        /// Whether the peer closed (rather than fell silent).
        let closed: Bool
    }

    /// Reads the next whole frame. Throws `FramingError` for malformed frames, `ServiceError` for
    /// MAC failures, `Stalled` for a frame left unfinished, `Errno` for socket errors.
    func receive(_ deadlines: Deadlines) throws -> Received {
        var frameDeadline: ContinuousClock.Instant?
        while true {
            if let frame = try parser.nextWireFrame() {
                try verify(frame)
                // Only now, with the MAC verified (or no compression allowed before the session),
                // may the payload be inflated.
                return .frame(try frame.inflated(limits: limits))
            }
            if parser.bufferedByteCount > 0, frameDeadline == nil {
                let limit = ContinuousClock.now + deadlines.frame
                frameDeadline = deadlines.overall.map { min($0, limit) } ?? limit
            }
            let count: Int
            do {
                count = try socket.read(into: readBuffer, deadline: frameDeadline ?? deadlines.idle)
            } catch {
                // (A `catch … where` on a typed-throws call crashes the Swift 6.3 compiler.)
                guard error.isTimeout else { throw error }
                if parser.bufferedByteCount == 0 { return .idle }
                throw Stalled(bufferedBytes: parser.bufferedByteCount, closed: false)
            }
            if count == 0 {
                if parser.bufferedByteCount == 0 { return .closed }
                throw Stalled(bufferedBytes: parser.bufferedByteCount, closed: true)
            }
            parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        }
    }

    private func verify(_ frame: Frame) throws {
        guard var mac = receiveMAC else {
            if frame.flags.contains(.mac) {
                // §4.1: nothing is authenticated before the handshake; a MAC cannot be checked.
                throw ServiceError(.unauthenticated, "a frame carries a MAC before the handshake completed")
            }
            return
        }
        guard frame.flags.contains(.mac) else {
            throw ServiceError(.unauthenticated, "a frame arrived without a MAC on an authenticated connection")
        }
        let expected = frame.withMACInput { header, payload in mac.next(headerPrefix: header, payload: payload) }
        receiveMAC = mac
        guard ConstantTime.equals(expected, frame.mac) else {
            throw ServiceError(.unauthenticated, "frame MAC does not verify: the frame was altered, replayed or injected")
        }
    }

    /// Encodes and sends one frame in a single write, MAC'd when the session is established.
    /// Throws `ServiceError` (`too_large`) when the payload does not fit a frame, `Errno` when the
    /// socket fails.
    /// `deadline` bounds the whole write.
    func send(kind: FrameKind, requestID: UInt32, method: UInt16, idempotencyKey: [UInt8]? = nil,
              payload: [UInt8], deadline: ContinuousClock.Instant) throws {
        var bytes: [UInt8]
        do {
            // A MAC'd frame carries no CRC (PROTOCOL.md §2.4): the MAC covers every byte.
            bytes = try FrameWriter.encode(kind: kind, requestID: requestID, method: method,
                                           idempotencyKey: idempotencyKey, payload: payload, limits: limits,
                                           computesChecksum: sendMAC == nil)
        } catch {
            throw error.serviceError
        }
        if var mac = sendMAC {
            FrameWriter.authenticate(&bytes) { header, payload in mac.next(headerPrefix: header, payload: payload) }
            sendMAC = mac
        }
        try socket.writeAll(bytes, deadline: deadline)
    }

    /// Sends an error frame by `deadline`; failures to send are ignored (the connection is
    /// closing anyway).
    func sendError(_ error: ServiceError, requestID: UInt32, method: UInt16, deadline: ContinuousClock.Instant) {
        guard let payload = try? ProtocolCoding.encode(error) else { return }
        try? send(kind: .error, requestID: requestID, method: method, payload: payload, deadline: deadline)
    }
}

extension FramingError {
    /// The protocol error a framing failure is reported as.
    var serviceError: ServiceError {
        ServiceError(ErrorCode(rawValue: protocolErrorCode), message)
    }
}
