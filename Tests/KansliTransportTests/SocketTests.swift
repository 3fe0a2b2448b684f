import Foundation
import Testing
@testable import KansliTransport

@Suite("Sockets")
struct SocketTests {
    /// A connected pair over loopback: (client, server side).
    static func pair(_ listener: Socket) throws -> (Socket, Socket) {
        let client = try Socket.connect(host: "127.0.0.1", port: try listener.localPort(), timeout: 2)
        let server = try listener.accept()
        try client.setReceiveTimeout(2)
        try server.setReceiveTimeout(2)
        return (client, server)
    }

    @Test("a shutdown after close does not reach the socket that reuses the descriptor number")
    func shutdownAfterCloseIsANoOp() throws {
        let listener = try Socket.listen(host: "127.0.0.1", port: 0)
        defer { listener.close() }
        let (first, firstServer) = try Self.pair(listener)
        first.close()
        firstServer.close()
        #expect(first.isClosed)
        // The kernel hands out the lowest free numbers: the new pair takes the ones just freed.
        let (second, secondServer) = try Self.pair(listener)
        defer { second.close(); secondServer.close() }
        // Another thread, late, shuts down what it thinks is the first socket.
        first.shutdownBoth()
        firstServer.shutdownRead()
        try second.writeAll([1, 2, 3])
        var buffer = [UInt8](repeating: 0, count: 8)
        let count = try buffer.withUnsafeMutableBytes { try secondServer.read(into: $0) }
        #expect(Array(buffer[0..<count]) == [1, 2, 3])
        try secondServer.writeAll([4])
        #expect(try buffer.withUnsafeMutableBytes { try second.read(into: $0) } == 1)
    }

    @Test("a read waits no longer than its deadline, however the timeout was set before")
    func readHonoursItsDeadline() throws {
        let listener = try Socket.listen(host: "127.0.0.1", port: 0)
        defer { listener.close() }
        let (client, server) = try Self.pair(listener)
        defer { client.close(); server.close() }
        try server.setReceiveTimeout(30)
        var buffer = [UInt8](repeating: 0, count: 8)
        let started = ContinuousClock.now
        #expect(throws: Errno.self) {
            try buffer.withUnsafeMutableBytes { try server.read(into: $0, deadline: .now + .milliseconds(200)) }
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
