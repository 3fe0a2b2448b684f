import Foundation
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
