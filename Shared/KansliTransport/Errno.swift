// Linux only (Package.swift declares no other platform): the socket layer calls Glibc.
import Glibc

/// A failed system call: the call's name and the `errno` it left.
public struct Errno: Error, Sendable, Equatable, CustomStringConvertible {
    /// The raw `errno` value.
    public let code: Int32
    /// The system call that failed, e.g. `connect`.
    public let call: String

    public init(code: Int32, call: String) {
        self.code = code
        self.call = call
    }

    /// Whether the call timed out (`SO_RCVTIMEO`/`SO_SNDTIMEO` expired).
    public var isTimeout: Bool { code == EAGAIN || code == EWOULDBLOCK || code == ETIMEDOUT }

    public var description: String {
        "\(call): \(String(cString: strerror(code))) (errno \(code))"
    }
}

/// The one place Kansli calls the operating system for sockets: every call retries on `EINTR`
/// and turns a failure into a typed `Errno`.
public enum SystemCall {
    /// Runs `body` until it does not fail with `EINTR`; returns its non-negative result or throws.
    @inline(__always)
    public static func retrying<T: BinaryInteger>(_ call: String, _ body: () -> T) throws(Errno) -> T {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = errno
            if code == EINTR { continue }
            throw Errno(code: code, call: call)
        }
    }
}
