import Glibc
import KansliPlatform
import Testing
@testable import KansliTransport

@Suite("logfmt lines")
struct LogTests {
    @Test("values with spaces, quotes or equals signs are quoted and escaped")
    func quoting() {
        #expect(Log.quoted("ok") == "ok")
        #expect(Log.quoted("") == "\"\"")
        #expect(Log.quoted("a b") == "\"a b\"")
        #expect(Log.quoted("say \"hej\"") == "\"say \\\"hej\\\"\"")
        #expect(Log.quoted("k=v") == "\"k=v\"")
        #expect(Log.quoted("line\nbreak") == "\"line\\nbreak\"")
    }

    @Test("timestamps are UTC ISO 8601 with milliseconds")
    func timestamps() {
        #expect(Log.formatUTC(seconds: 0, milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Log.formatUTC(seconds: 1_655_902_800, milliseconds: 7) == "2022-06-22T13:00:00.007Z")
        #expect(Log.formatUTC(seconds: -1, milliseconds: 999) == "1969-12-31T23:59:59.999Z")
    }

    /// The text `log` writes to a pipe, read after `body` and `close`.
    static func output(flushInterval: Double, _ body: (Log) -> Void) -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return "" }
        let log = Log(service: "registry", level: .info, fileDescriptor: fds[1], flushInterval: flushInterval)
        body(log)
        log.close()
        close(fds[1])
        var text: [UInt8] = []
        var bytes = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &bytes, bytes.count)
            if count <= 0 { break }
            text += bytes[0..<count]
        }
        close(fds[0])
        return String(decoding: text, as: UTF8.self)
    }

    @Test("a line's time is the wall clock now, in UTC with milliseconds")
    func lineTime() throws {
        let before = Timestamp.now()
        let line = Self.output(flushInterval: 0) { $0.info("started") }
        let after = Timestamp.now()
        let text = try #require(line.split(separator: " ").first?.dropFirst("time=".count))
        let time = try #require(Timestamp(iso8601: text))
        #expect(text.count == 24)
        // Truncated to the millisecond, so up to 1 ms before `before`.
        #expect(before.adding(microseconds: -1000) < time && time <= after)
    }

    @Test("the background thread flushes lines without a call to flush()")
    func backgroundFlush() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let log = Log(service: "registry", level: .info, fileDescriptor: fds[1], flushInterval: 0.01)
        log.info("buffered")
        // Wait (up to 10 s, a bound rather than a timing claim) for the flusher to write.
        var ready = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
        #expect(poll(&ready, 1, 10_000) == 1)
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = ready.revents & Int16(POLLIN) != 0 ? read(fds[0], &bytes, bytes.count) : 0
        log.close()
        close(fds[1])
        close(fds[0])
        #expect(String(decoding: bytes[0..<max(0, count)], as: UTF8.self).hasSuffix("event=buffered\n"))
    }

    @Test("a line carries time, level, service, event and the fields in order")
    func lineFormat() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let log = Log(service: "registry", level: .info, fileDescriptor: fds[1], flushInterval: 0)
        log.debug("hidden")
        log.info("request", ["method": "health", "outcome": "ok"])
        close(fds[1])
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(fds[0], &bytes, bytes.count)
        close(fds[0])
        let line = String(decoding: bytes[0..<max(0, count)], as: UTF8.self)
        #expect(line.hasPrefix("time=20"))
        #expect(line.hasSuffix(" level=info service=registry event=request method=health outcome=ok\n"))
        #expect(!line.contains("hidden"))
    }
}
