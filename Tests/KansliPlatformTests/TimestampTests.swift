import Glibc
import KansliPlatform
import KansliTestSupport
import Testing

@Suite("Timestamp")
struct TimestampTests {
    @Test("ISO 8601 in UTC, with microseconds or milliseconds, truncated toward the past")
    func formatting() {
        #expect(Timestamp(microsecondsSince1970: 0).iso8601 == "1970-01-01T00:00:00.000000Z")
        let moment = Timestamp(microsecondsSince1970: 1_796_234_698_123_456)
        #expect(moment.iso8601 == "2026-12-02T18:04:58.123456Z")
        #expect(moment.iso8601(.milliseconds) == "2026-12-02T18:04:58.123Z")
        // Before 1970 the fraction still counts up from the whole second before.
        #expect(Timestamp(microsecondsSince1970: -1).iso8601 == "1969-12-31T23:59:59.999999Z")
        #expect(Timestamp(microsecondsSince1970: -1).iso8601(.milliseconds) == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(secondsSince1970: 951_782_400).iso8601 == "2000-02-29T00:00:00.000000Z")
        #expect(Timestamp(secondsSince1970: 253_402_300_799).iso8601 == "9999-12-31T23:59:59.000000Z")
        #expect(Timestamp(secondsSince1970: -62_135_596_800).iso8601 == "0001-01-01T00:00:00.000000Z")
    }

    @Test("the parser reads back what the formatter writes, for seeded random instants in years 1–9999")
    func roundTrip() {
        var random = SeededGenerator(seed: 2026_12_02)
        for _ in 0..<5_000 {
            let moment = Timestamp(microsecondsSince1970: Int64.random(in: -62_135_596_800_000_000 ... 253_402_300_799_999_999, using: &random))
            #expect(Timestamp(iso8601: moment.iso8601) == moment)
            let milliseconds = Timestamp(iso8601: moment.iso8601(.milliseconds))
            #expect(milliseconds.map { moment.microsecondsSince1970 - $0.microsecondsSince1970 } .map { (0..<1000).contains($0) } == true)
        }
    }

    @Test("the parser refuses every other spelling")
    func strictParser() {
        for text in ["2026-12-02T18:04:58Z", "2026-12-02T18:04:58.1234Z", "2026-12-02T18:04:58.123456+00:00",
                     "2026-12-02t18:04:58.123Z", "2026-12-02T18:04:58.123z", "2026-12-02 18:04:58.123Z",
                     "2026-02-29T00:00:00.000Z", "2026-12-02T24:00:00.000Z", "2026-12-02T18:60:00.000Z",
                     "2026-12-02T18:04:60.000Z", "0000-01-01T00:00:00.000Z", "+026-12-02T18:04:58.123Z",
                     "2026-12-02T18:04:58.-23Z", "", "2026-12-02T18:04:58.123Z "] {
            #expect(Timestamp(iso8601: text) == nil, "accepted \(text)")
        }
        #expect(Timestamp(iso8601: "2024-02-29T23:59:59.999Z")?.microsecondsSince1970 == 1_709_251_199_999_000)
    }

    @Test("adding and subtracting seconds, comparing, and the seconds between")
    func arithmetic() {
        let start = Timestamp(secondsSince1970: 1_000)
        #expect(start.adding(seconds: 90 as Int64) == Timestamp(secondsSince1970: 1_090))
        #expect(start.subtracting(seconds: 1_000) == Timestamp(microsecondsSince1970: 0))
        #expect(start.adding(seconds: 0.000_000_6).microsecondsSince1970 == 1_000_000_001)
        #expect(start.adding(seconds: -1.5) == Timestamp(microsecondsSince1970: 998_500_000))
        #expect(start.adding(seconds: 2.25).seconds(since: start) == 2.25)
        #expect(start < start.adding(microseconds: 1))
        #expect(Timestamp(microsecondsSince1970: -1).secondsSince1970 == -1)
        #expect(Timestamp(microsecondsSince1970: -1).microsecondOfSecond == 999_999)
    }

    @Test("now() is the system's wall clock")
    func now() {
        // time(2) counts whole seconds of the same clock, but glibc reads it from the coarse
        // clock, which may lag a scheduler tick behind: allow that one second either way.
        let before = Int64(time(nil))
        let now = Timestamp.now().secondsSince1970
        let after = Int64(time(nil))
        #expect(before - 1 <= now && now <= after + 1)
    }

    @Test("it encodes as its Int64 of microseconds")
    func codable() throws {
        let moment = Timestamp(microsecondsSince1970: 1_655_902_800_000_007)
        #expect(try JSONWriter(layout: .compact).string([moment]) == "[1655902800000007]")
    }
}
