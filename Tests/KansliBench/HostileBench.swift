import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Each running service under hostile peers (issue 14): silent and slow clients, a flood of
/// connections past the limit, oversized and compressed frames before the handshake. A
/// well-behaved client calls `health` throughout; its latency and errors before the attack are
/// the baseline for the same figures during it.
enum HostileBench {
    struct Phase {
        var calls = 0
        var errors = 0
        var latencies: [Double] = []

        func percentile(_ p: Double) -> Double {
            let sorted = latencies.sorted()
            return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }

    /// Calls `health` for `seconds`, on a new connection (with its handshake) every 50th call,
    /// so that what a new client meets during an attack is measured too.
    static func measure(port: Int, credential: ClientCredential, seconds: Double) -> Phase {
        var phase = Phase()
        var client = ServiceClient(host: "127.0.0.1", port: port, credential: credential)
        defer { client.close() }
        let end = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < end {
            if phase.calls % 50 == 49 {
                client.close()
                client = ServiceClient(host: "127.0.0.1", port: port, credential: credential)
            }
            let start = ContinuousClock.now
            do {
                _ = try client.call(CommonMethods.health, HealthRequest())
            } catch {
                phase.errors += 1
            }
            let elapsed = ContinuousClock.now - start
            phase.latencies.append(Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
            phase.calls += 1
        }
        return phase
    }

    /// A connected socket to 127.0.0.1:`port`, or -1.
    static func connectTo(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 { close(fd); return -1 }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// A frame header (docs/PROTOCOL.md §2.1) of `kind` and `flags` announcing `length` payload bytes.
    static func header(kind: UInt8, flags: UInt8 = 0, length: UInt32) -> [UInt8] {
        var bytes: [UInt8] = [0x4B, 0x4E, 0x53, 0x4C, 0x02, kind, flags, 0]
        bytes += [UInt8](repeating: 0, count: 8)  // request id, method id, reserved
        bytes += withUnsafeBytes(of: length.bigEndian, Array.init)
        bytes += [UInt8](repeating: 0, count: 36)  // CRC, idempotency key, MAC
        return bytes
    }

    /// Sends `bytes`, then reads until the server closes (or 2 s pass).
    static func sendAndDrain(_ fd: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while recv(fd, &buffer, buffer.count, 0) > 0 {}
    }

    /// Attacks each of `services` in turn, each alone in its own cluster.
    static func run(seconds: Double, services: [String] = ["registry", "documents", "finance"]) throws {
        for service in services { try run(seconds: seconds, service: service) }
    }

    static func run(seconds: Double, service: String) throws {
        let limit = 64
        let cluster = try BenchCluster(services: [service], arguments: [
            service: ["--max-connections", String(limit), "--read-timeout", "2"]])
        defer { cluster.stop() }
        let port = cluster.ports[service]!, credential = cluster.admin
        let client = cluster.client(service)
        defer { client.close() }
        _ = try client.call(CommonMethods.health, HealthRequest())

        let before = measure(port: port, credential: credential, seconds: seconds)

        let stop = Atomic<Bool>(false)
        let attacks = Atomic<Int>(0)
        func attacker(_ body: @escaping @Sendable () -> Void) {
            Thread {
                while !stop.load(ordering: .relaxed) {
                    body()
                    attacks.add(1, ordering: .relaxed)
                }
            }.start()
        }
        // Silent clients: connect and say nothing until the server gives up on them.
        for _ in 0..<4 {
            attacker {
                let fd = connectTo(port)
                guard fd >= 0 else { return }
                sendAndDrain(fd, [])
                close(fd)
            }
        }
        // Many at once: 200 connections held open together, far past the limit, for a second.
        attacker {
            let held = (0..<200).map { _ in connectTo(port) }
            usleep(1_000_000)
            for fd in held where fd >= 0 { close(fd) }
        }
        // Slow clients: a header one byte every 100 ms.
        for _ in 0..<4 {
            attacker {
                let fd = connectTo(port)
                guard fd >= 0 else { return }
                for byte in header(kind: 16, length: 40) where !stop.load(ordering: .relaxed) {
                    if send(fd, [byte], 1, Int32(MSG_NOSIGNAL)) <= 0 { break }
                    usleep(100_000)
                }
                close(fd)
            }
        }
        // A flood: connect and close as fast as one thread can, past the connection limit.
        attacker {
            let fd = connectTo(port)
            if fd >= 0 { close(fd) }
        }
        // Oversized frames before the handshake: a hello announcing 2 GiB.
        attacker {
            let fd = connectTo(port)
            guard fd >= 0 else { return }
            sendAndDrain(fd, header(kind: 16, length: 0x8000_0000))
            close(fd)
        }
        // Compressed frames before the handshake: an envelope that claims 16 MiB of zeros.
        attacker {
            let fd = connectTo(port)
            guard fd >= 0 else { return }
            let envelope: [UInt8] = [0x01, 0x00, 0x00, 0x00, 0x78, 0x9C] + [UInt8](repeating: 0x00, count: 58)
            sendAndDrain(fd, header(kind: 16, flags: 0x01, length: UInt32(envelope.count)) + envelope)
            close(fd)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let during = measure(port: port, credential: credential, seconds: seconds)
        stop.store(true, ordering: .relaxed)
        let stats = try client.call(CommonMethods.stats, Empty())

        print("""

            ## kansli-\(service) under hostile peers (limit \(limit) connections, read timeout 2 s; \(String(format: "%.1f", seconds)) s per phase)
            | phase | health calls | errors | p50 µs | p99 µs | p999 µs | p99 ÷ before |
            |---|---|---|---|---|---|---|
            | before (baseline) | \(before.calls) | \(before.errors) | \(RoundTripBench.format(before.percentile(0.5))) | \(RoundTripBench.format(before.percentile(0.99))) | \(RoundTripBench.format(before.percentile(0.999))) | 1.00× |
            | during the attack | \(during.calls) | \(during.errors) | \(RoundTripBench.format(during.percentile(0.5))) | \(RoundTripBench.format(during.percentile(0.99))) | \(RoundTripBench.format(during.percentile(0.999))) | \(String(format: "%.2f", during.percentile(0.99) / max(1, before.percentile(0.99))))× |
            Hostile connection attempts: \(attacks.load(ordering: .relaxed)); at the end \(stats.openConnections) connections were open (unauthenticated ones are capped apart from the limit); \(stats.refusedConnections) authenticated connections refused past the limit; \(stats.failedHandshakes) failed handshakes.
            Goal (issue 14): the well-behaved client keeps being served: zero errors.
            """)
        // Let the attackers see the flag before the process goes away.
        Thread.sleep(forTimeInterval: 0.3)
    }
}
