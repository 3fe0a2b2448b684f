// kansli-bench-echo: the baseline of the memory benchmark. A bare TCP echo of length-prefixed
// messages (4-byte big-endian length, then the payload), a thread per connection, on the
// standard library and Glibc only: what any service process on these sockets costs at least.
//
// Usage: kansli-bench-echo <ready-file>. It listens on 127.0.0.1 on a free port, writes
// `port=<n>` to the ready file (atomically, by rename), and serves until killed.
import Glibc

/// The echo server; everything is a static function so that no closure handed to
/// `pthread_create` is written in `main.swift` (SWIFT-NOTES: it would be `@MainActor`).
enum EchoServer {
    /// A message larger than this closes the connection.
    static let maxMessage = 1 << 20

    static func fail(_ what: String) -> Never {
        let text = "kansli-bench-echo: \(what): \(String(cString: strerror(errno)))\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        exit(1)
    }

    static func run(readyFile: String) -> Never {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { fail("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else { fail("bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard named == 0 else { fail("getsockname") }
        writeReady(readyFile, port: Int(UInt16(bigEndian: address.sin_port)))
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                fail("accept")
            }
            var one: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            var thread = pthread_t()
            let context = UnsafeMutableRawPointer(bitPattern: Int(connection) + 1)
            if pthread_create(&thread, nil, serveThread, context) == 0 {
                pthread_detach(thread)
            } else {
                close(connection)
            }
        }
    }

    /// `pthread_create`'s start routine: the descriptor travels in the pointer (plus one, so
    /// that descriptor 0 is not a null pointer).
    static let serveThread: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { context in
        EchoServer.serve(Int32(Int(bitPattern: context) - 1))
        return nil
    }

    static func serve(_ connection: Int32) {
        defer { close(connection) }
        var header = [UInt8](repeating: 0, count: 4)
        var body = [UInt8](repeating: 0, count: 4096)
        while readFully(connection, &header, 4) {
            let count = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
            guard count <= maxMessage else { return }
            if body.count < count { body = [UInt8](repeating: 0, count: count) }
            guard readFully(connection, &body, count) else { return }
            guard writeFully(connection, header, 4), writeFully(connection, body, count) else { return }
        }
    }

    static func readFully(_ descriptor: Int32, _ buffer: inout [UInt8], _ count: Int) -> Bool {
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + filled, count - filled, 0) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return false }
            filled += got
        }
        return true
    }

    static func writeFully(_ descriptor: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        var sent = 0
        while sent < count {
            let put = buffer.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL)) }
            if put < 0 && errno == EINTR { continue }
            if put <= 0 { return false }
            sent += put
        }
        return true
    }

    static func writeReady(_ path: String, port: Int) {
        let temporary = path + ".tmp"
        let text = "port=\(port)\npid=\(getpid())\n"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { fail("open \(temporary)") }
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        guard rename(temporary, path) == 0 else { fail("rename \(temporary)") }
    }
}
