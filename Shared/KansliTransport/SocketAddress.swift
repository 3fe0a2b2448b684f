// Linux only (Package.swift declares no other platform): the socket layer calls Glibc.
import Glibc
import KansliProtocol

/// A resolved IPv4 or IPv6 socket address.
struct SocketAddress {
    let family: Int32
    private let storage: sockaddr_storage
    private let length: socklen_t

    /// Resolves `host` (a name such as `localhost`, or a literal address) with `getaddrinfo`,
    /// preferring the first answer. `passive` resolves for `bind` (an empty host = any address).
    static func resolve(host: String, port: Int, passive: Bool) throws -> SocketAddress {
        guard (0...65535).contains(port) else {
            throw ServiceError(.badRequest, "port \(port) is outside 0…65535")
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = passive ? AI_PASSIVE : 0
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &result)
        guard status == 0, let first = result else {
            let reason = status == 0 ? "no address" : String(cString: gai_strerror(status))
            throw ServiceError(.unavailable, "cannot resolve host \"\(host)\": \(reason)")
        }
        defer { freeaddrinfo(result) }
        var storage = sockaddr_storage()
        let length = first.pointee.ai_addrlen
        withUnsafeMutableBytes(of: &storage) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: first.pointee.ai_addr, count: Int(length)))
        }
        return SocketAddress(family: first.pointee.ai_family, storage: storage, length: length)
    }

    /// Calls `body` with a `sockaddr` pointer to this address and its length.
    func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> R) rethrows -> R {
        var copy = storage
        return try withUnsafePointer(to: &copy) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, length) }
        }
    }
}
