import KansliCrypto
import KansliFraming
import KansliProtocol

/// One end of a connection at the frame level: reads whole frames from a socket, writes frames
/// with one `send`, and — once the handshake has set the session keys — MACs every frame it
/// sends and verifies every frame it receives.
///
/// Not thread-safe: a connection is used by one thread at a time (the server's connection
/// thread, or the client call that checked it out of the pool).
final class FrameChannel {
    let socket: Socket
    private var parser: FrameParser
    private let limits: FrameLimits
    private var sendMAC: SessionMAC?
    private var receiveMAC: SessionMAC?
    /// Reused for every `recv`; 64 KiB covers typical frames in one system call.
    private let readBuffer: UnsafeMutableRawBufferPointer

    init(socket: Socket, limits: FrameLimits) {
        self.socket = socket
        self.limits = limits
        parser = FrameParser(limits: limits)
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        readBuffer.deallocate()
    }

    /// Whether the handshake completed and frames are MAC'd.
    var isAuthenticated: Bool { sendMAC != nil }

    /// Switches to authenticated frames in both directions.
    func establishSession(sendKey: [UInt8], receiveKey: [UInt8]) {
        sendMAC = SessionMAC(key: sendKey)
        receiveMAC = SessionMAC(key: receiveKey)
    }

    /// The outcome of waiting for a frame.
    enum Received {
        case frame(Frame)
        /// The peer closed the connection between frames.
        case closed
        /// No byte arrived for the idle limit while no frame was in progress.
        case idle
    }

    /// Reads the next whole frame. A receive timeout with nothing buffered is `idle`; with part of
    /// a frame buffered it is an error (a peer that sent half a frame and stalled).
    /// Throws `FramingError` for malformed frames, `ServiceError` for MAC failures and stalls,
    /// `Errno` for socket errors.
    func receive() throws -> Received {
        while true {
            if let frame = try parser.nextFrame() {
                try verify(frame)
                return .frame(frame)
            }
            let count: Int
            do {
                count = try socket.read(into: readBuffer)
            } catch {
                // (A `catch … where` on a typed-throws call crashes the Swift 6.3 compiler.)
                guard error.isTimeout else { throw error }
                if parser.bufferedByteCount == 0 { return .idle }
                throw ServiceError(.badRequest, "timed out in the middle of a frame (\(parser.bufferedByteCount) bytes received)")
            }
            if count == 0 {
                if parser.bufferedByteCount == 0 { return .closed }
                throw ServiceError(.badRequest, "connection closed in the middle of a frame (\(parser.bufferedByteCount) bytes received)")
            }
            parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        }
    }

    private func verify(_ frame: Frame) throws {
        guard var mac = receiveMAC else {
            if frame.flags.contains(.mac) {
                throw ServiceError(.badRequest, "a frame carries a MAC before the handshake completed")
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
    func send(kind: FrameKind, requestID: UInt32, method: UInt16, idempotencyKey: [UInt8]? = nil,
              payload: [UInt8]) throws {
        var bytes: [UInt8]
        do {
            bytes = try FrameWriter.encode(kind: kind, requestID: requestID, method: method,
                                           idempotencyKey: idempotencyKey, payload: payload, limits: limits)
        } catch {
            throw error.serviceError
        }
        if var mac = sendMAC {
            FrameWriter.authenticate(&bytes) { header, payload in mac.next(headerPrefix: header, payload: payload) }
            sendMAC = mac
        }
        try socket.writeAll(bytes)
    }

    /// Sends an error frame; failures to send are ignored (the connection is closing anyway).
    func sendError(_ error: ServiceError, requestID: UInt32, method: UInt16) {
        guard let payload = try? ProtocolCoding.encode(error) else { return }
        try? send(kind: .error, requestID: requestID, method: method, payload: payload)
    }
}

extension FramingError {
    /// The protocol error a framing failure is reported as.
    var serviceError: ServiceError {
        ServiceError(ErrorCode(rawValue: protocolErrorCode), message)
    }
}
