import Foundation
import KansliCoding
import KansliFraming
import KansliProtocol
import KansliTestSupport
import Synchronization
import Testing
@testable import KansliTransport

@Suite("What hostile peers can make a service hold")
struct HostilePeerMemoryTests {
    /// Malformed first frames of every kind a hostile peer might send, each on its own connection.
    static func malformedFrames() throws -> [[UInt8]] {
        let hello = try BinaryEncoder().encode(Handshake.Hello(versions: [2], keyID: "test-admin", clientNonce: [UInt8](repeating: 0, count: 32)))
        let good = try FrameWriter.encode(kind: .hello, requestID: 0, payload: hello)
        var frames: [[UInt8]] = []
        // A compressed hello bomb (16 MiB inflated).
        frames.append(try FrameWriter.encode(kind: .hello, requestID: 0, payload: BinaryEncoder().encode(
            Handshake.Hello(versions: [2], keyID: String(repeating: "a", count: (16 << 20) - 200), clientNonce: []))))
        // A header announcing 4 MiB, then part of the payload and a close.
        var announced = good
        announced.replaceSubrange(16..<20, with: [0x00, 0x40, 0x00, 0x00])
        frames.append(announced + [UInt8](repeating: 0xAA, count: 3000))
        // A 1 000-version, 3 000-byte-key-id hello (within 4 KiB).
        frames.append(try FrameWriter.encode(kind: .hello, requestID: 0, payload: BinaryEncoder().encode(
            Handshake.Hello(versions: [UInt8](repeating: 1, count: 1000), keyID: String(repeating: "k", count: 3000), clientNonce: []))))
        // Corruptions of a good hello.
        for (offset, value) in [(4, UInt8(9)), (5, 99), (6, 0x80), (7, 1), (23, 0x01)] {
            var bytes = good
            bytes[offset] ^= value
            frames.append(bytes)
        }
        // A request before the handshake, and a MAC-flagged hello.
        frames.append(try FrameWriter.encode(kind: .request, requestID: 5, method: 1, payload: [9, 1, 0]))
        var flagged = good
        FrameWriter.authenticate(&flagged) { _, _ in [UInt8](repeating: 1, count: 16) }
        frames.append(flagged)
        return frames
    }

    @Test("20 600 malformed frames: the service's resident memory stays under twice its start, and members are served")
    func malformedFramesDoNotGrowMemory() throws {
        let service = try ServiceProcess("registry")
        defer { service.terminate() }
        // Warm up with a member's call, so the start figure includes what serving costs.
        let member = service.client()
        _ = try member.call(CommonMethods.health, HealthRequest())
        let start = try #require(service.residentBytes)
        let frames = try Self.malformedFrames()
        let total = 20_600
        let next = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<8 {
            group.enter()
            Thread {
                defer { group.leave() }
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if index >= total { return }
                    guard let socket = try? Socket.connect(host: "127.0.0.1", port: service.port, timeout: 2) else { continue }
                    try? socket.setReceiveTimeout(5)
                    try? socket.writeAll(frames[index % frames.count])
                    // Wait for the server's answer or close, so connections do not pile up.
                    while let count = try? buffer.withUnsafeMutableBytes({ try socket.read(into: $0) }), count > 0 {}
                    socket.close()
                }
            }.start()
        }
        #expect(group.wait(timeout: .now() + 300) == .success)
        #expect(service.isRunning)
        _ = try member.call(CommonMethods.health, HealthRequest())
        let end = try #require(service.residentBytes)
        #expect(end < 2 * start, "resident memory went from \(start >> 20) MiB to \(end >> 20) MiB")
    }
}
