// Linux only (Package.swift declares no other platform): the socket layer calls Glibc.
import Glibc
import Synchronization

/// A TCP socket: owns its file descriptor and closes it exactly once.
///
/// Reads and writes block; timeouts are the kernel's (`SO_RCVTIMEO`, `SO_SNDTIMEO`), so a blocked
/// call costs no extra system call per request. The descriptor never leaves this type.
///
/// `@unchecked Sendable`: the descriptor is immutable after `init`; `close()` and both
/// `shutdown`s take the same `Mutex`, so a shutdown from another thread either reaches the
/// descriptor before it is closed or does nothing — never a descriptor number the kernel has
/// since handed to a new socket. `shutdown` may be called while one thread blocks in `read`,
/// which POSIX allows and which is how a server wakes idle connections.
/// The two mutable fields, `receiveTimeout` and `sendTimeout`, are a cache of what is set on the
/// descriptor; they are touched only by reads, writes and timeout setters, which the owner (a
/// `FrameChannel`, used by one thread at a time) calls from one thread at a time.
public final class Socket: @unchecked Sendable {
    private let fd: Int32
    private let closed = Mutex(false)
    /// The receive timeout currently set on the socket, to skip redundant `setsockopt` calls.
    private var receiveTimeout: Double = 0
    /// The send timeout currently set on the socket, likewise.
    private var sendTimeout: Double = 0

    /// How far a timeout already set may exceed the time left before a deadline and still be
    /// kept (saving a `setsockopt` per read on the hot path). A read that returns after the
    /// deadline is treated as timed out, so a deadline is overrun by at most this much in all.
    static let deadlineSlack = 0.002

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close()
    }

    /// Closes the descriptor (once; later calls do nothing). The close happens under the lock a
    /// concurrent `shutdown` takes, so the number is free for reuse only once no shutdown can
    /// reach it.
    public func close() {
        closed.withLock { isClosed in
            guard !isClosed else { return }
            isClosed = true
            _ = Glibc.close(fd)
        }
    }

    /// Whether `close()` has run.
    public var isClosed: Bool { closed.withLock { $0 } }

    /// Stops reading (`SHUT_RD`) so a thread blocked in `read` returns end of stream. Does
    /// nothing once the socket is closed.
    public func shutdownRead() {
        shutdown(Int32(SHUT_RD))
    }

    /// Stops both directions, waking a thread blocked in `accept`, `read` or `write`. Does
    /// nothing once the socket is closed.
    public func shutdownBoth() {
        shutdown(Int32(SHUT_RDWR))
    }

    private func shutdown(_ how: Int32) {
        closed.withLock { isClosed in
            if !isClosed { _ = Glibc.shutdown(fd, how) }
        }
    }

    // MARK: Opening

    /// A listening socket bound to `host:port` (port 0: a free port the kernel picks).
    public static func listen(host: String, port: Int, backlog: Int32 = 512) throws -> Socket {
        let address = try SocketAddress.resolve(host: host, port: port, passive: true)
        let fd = try SystemCall.retrying("socket") { Glibc.socket(address.family, Int32(SOCK_STREAM.rawValue), 0) }
        let socket = Socket(fd: fd)
        var one: Int32 = 1
        try socket.setOption(SOL_SOCKET, SO_REUSEADDR, &one, "SO_REUSEADDR")
        try address.withSockaddr { pointer, length in
            _ = try SystemCall.retrying("bind") { Glibc.bind(fd, pointer, length) }
        }
        _ = try SystemCall.retrying("listen") { Glibc.listen(fd, backlog) }
        return socket
    }

    /// A connected socket to `host:port`, with `TCP_NODELAY` set. `timeout` bounds the connect.
    public static func connect(host: String, port: Int, timeout: Double) throws -> Socket {
        let address = try SocketAddress.resolve(host: host, port: port, passive: false)
        let fd = try SystemCall.retrying("socket") { Glibc.socket(address.family, Int32(SOCK_STREAM.rawValue), 0) }
        let socket = Socket(fd: fd)
        // A send timeout also bounds a blocking connect on Linux.
        try socket.setSendTimeout(timeout)
        do {
            try address.withSockaddr { pointer, length in
                _ = try SystemCall.retrying("connect") { Glibc.connect(fd, pointer, length) }
            }
        } catch let error as Errno where error.code == EINPROGRESS {
            // The send timeout expired before the connection was established.
            throw Errno(code: ETIMEDOUT, call: "connect")
        }
        try socket.setNoDelay()
        return socket
    }

    /// Accepts one connection; throws when the listener was shut down.
    public func accept() throws(Errno) -> Socket {
        let client = try SystemCall.retrying("accept") { Glibc.accept(fd, nil, nil) }
        let socket = Socket(fd: client)
        do { try socket.setNoDelay() } catch { /* a peer that already left: reads will fail */ }
        return socket
    }

    /// The local port (after `listen` on port 0, the port the kernel chose).
    public func localPort() throws(Errno) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { pointer throws(Errno) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw throws(Errno) in
                try SystemCall.retrying("getsockname") { getsockname(fd, raw, &length) }
            }
        }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        default:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        }
    }

    // MARK: Options

    private func setOption<T: BitwiseCopyable>(_ level: Int32, _ name: Int32, _ value: inout T, _ label: String) throws(Errno) {
        let copy = value
        var result: Int32 = 0
        withUnsafeBytes(of: copy) { bytes in
            result = setsockopt(fd, level, name, bytes.baseAddress, socklen_t(bytes.count))
        }
        if result != 0 { throw Errno(code: errno, call: "setsockopt(\(label))") }
    }

    /// Disables Nagle's algorithm: small request/response pairs must not wait for ACKs.
    public func setNoDelay() throws(Errno) {
        var one: Int32 = 1
        try setOption(Int32(IPPROTO_TCP), TCP_NODELAY, &one, "TCP_NODELAY")
    }

    /// Sets how long a `read` may block (seconds; 0 = forever). Skips the call when unchanged.
    public func setReceiveTimeout(_ seconds: Double) throws(Errno) {
        if seconds == receiveTimeout { return }
        var value = Socket.timeval(seconds)
        try setOption(SOL_SOCKET, SO_RCVTIMEO, &value, "SO_RCVTIMEO")
        receiveTimeout = seconds
    }

    /// Sets how long a `write` (and a `connect`) may block (seconds; 0 = forever).
    public func setSendTimeout(_ seconds: Double) throws(Errno) {
        if seconds == sendTimeout { return }
        var value = Socket.timeval(seconds)
        try setOption(SOL_SOCKET, SO_SNDTIMEO, &value, "SO_SNDTIMEO")
        sendTimeout = seconds
    }

    /// Seconds from now until `deadline`; zero or less once it has passed.
    static func secondsLeft(until deadline: ContinuousClock.Instant) -> Double {
        let left = deadline - ContinuousClock.now
        return Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
    }

    /// Whether a timeout of `current` seconds already on the socket may serve a wait of `left`:
    /// it must not be shorter (a spurious early timeout costs a loop, not an error, but it costs
    /// a system call) and must not be longer than `left` by more than `deadlineSlack`.
    private static func fits(_ current: Double, _ left: Double) -> Bool {
        current > 0 && current >= left && current - left <= deadlineSlack
    }

    private static func timeval(_ seconds: Double) -> Glibc.timeval {
        let clamped = max(0, seconds)
        let whole = clamped.rounded(.down)
        var value = Glibc.timeval(tv_sec: Int(whole), tv_usec: Int((clamped - whole) * 1_000_000))
        if value.tv_sec == 0 && value.tv_usec == 0 && seconds > 0 { value.tv_usec = 1 }
        return value
    }

    // MARK: I/O

    /// Reads up to `buffer.count` bytes; returns 0 at end of stream.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try SystemCall.retrying("read") { Glibc.recv(fd, buffer.baseAddress, buffer.count, 0) }
    }

    /// Reads up to `buffer.count` bytes, waiting no later than `deadline` in all: each wait is
    /// set to the time left, so a peer that trickles bytes cannot stretch it. Returns 0 at end of
    /// stream; throws a timeout `Errno` (`isTimeout`) once the deadline has passed.
    public func read(into buffer: UnsafeMutableRawBufferPointer, deadline: ContinuousClock.Instant) throws(Errno) -> Int {
        while true {
            let left = Socket.secondsLeft(until: deadline)
            guard left > 0 else { throw Errno(code: ETIMEDOUT, call: "read") }
            if !Socket.fits(receiveTimeout, left) { try setReceiveTimeout(left) }
            do {
                let count = try read(into: buffer)
                // Bytes that arrive are kept even when they arrive just after the deadline; the
                // caller's next wait finds no time left.
                return count
            } catch {
                guard error.isTimeout else { throw error }
                // The kernel rounds timeouts to its tick; loop to re-check the clock.
            }
        }
    }

    /// Writes all of `bytes` (looping over short writes), never raising `SIGPIPE`.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let written = try SystemCall.retrying("write") {
                Glibc.send(fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            offset += written
        }
    }

    /// Writes all of `bytes`, finishing by `deadline` in all: a peer that accepts a byte at a
    /// time cannot stretch the write. Throws a timeout `Errno` once the deadline has passed.
    public func writeAll(_ bytes: UnsafeRawBufferPointer, deadline: ContinuousClock.Instant) throws(Errno) {
        var offset = 0
        while offset < bytes.count {
            let left = Socket.secondsLeft(until: deadline)
            guard left > 0 else { throw Errno(code: ETIMEDOUT, call: "write") }
            if !Socket.fits(sendTimeout, left) { try setSendTimeout(left) }
            do {
                offset += try SystemCall.retrying("write") {
                    Glibc.send(fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                }
            } catch {
                guard error.isTimeout else { throw error }
            }
        }
    }

    /// Writes all of `bytes` by `deadline`; see the raw-buffer overload.
    public func writeAll(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(Errno) {
        var failure: Errno?
        bytes.withUnsafeBytes { buffer in
            do throws(Errno) { try writeAll(buffer, deadline: deadline) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes`.
    public func writeAll(_ bytes: [UInt8]) throws(Errno) {
        var failure: Errno?
        bytes.withUnsafeBytes { buffer in
            do throws(Errno) { try writeAll(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
