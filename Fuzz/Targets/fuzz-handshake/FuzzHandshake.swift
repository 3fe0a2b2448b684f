// Bytes from an unauthenticated client into a running Server: the hello, the authenticate
// frame, anything before the handshake completes (oversized and compressed frames included).
// One server runs for the whole fuzzing session on a loopback port; each input is one
// connection that sends the bytes, closes its side and reads until the server closes.
import Glibc
import KansliProtocol
import KansliTransport

/// Answers nothing useful: a request that got past the handshake would be a finding in itself.
final class Refuser: RequestHandler, Sendable {
    func handle(_ request: IncomingRequest) -> Result<[UInt8], ServiceError> {
        .failure(ServiceError(.internal, "a request passed the handshake"))
    }
}

let port: Int = {
    let keyring = try! Keyring.parse("fuzz-client write " + String(repeating: "ab", count: 32) + "\n", source: "fuzz")
    var configuration = ServerConfiguration(serviceName: "registry")
    configuration.port = 0
    configuration.readTimeout = 0.2
    configuration.idleTimeout = 0.5
    let server = Server(configuration: configuration, keyring: keyring, handler: Refuser(),
                        log: Log(service: "fuzz", level: .error))
    return try! server.start()
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return 0 }
    var timeout = timeval(tv_sec: 1, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    if let data, size > 0 { _ = send(fd, data, size, Int32(MSG_NOSIGNAL)) }
    shutdown(fd, Int32(SHUT_WR))
    var buffer = [UInt8](repeating: 0, count: 4096)
    while recv(fd, &buffer, buffer.count, 0) > 0 {}
    return 0
}
