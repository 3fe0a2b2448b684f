import KansliPlatform
import KansliTestSupport
import Testing

@Suite("Europe/Stockholm local time")
struct StockholmTimeTests {
    /// The instant of `text`, which must be valid.
    static func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    @Test("summer time runs from the last Sunday of March to the last Sunday of October, 01:00 UTC")
    func euRule() {
        let summer2026 = StockholmTime.summerTime(in: 2026)
        #expect(summer2026?.lowerBound.iso8601(.milliseconds) == "2026-03-29T01:00:00.000Z")
        #expect(summer2026?.upperBound.iso8601(.milliseconds) == "2026-10-25T01:00:00.000Z")
        #expect(StockholmTime.utcOffset(at: Self.at("2026-03-29T00:59:59.999999Z")) == 3600)
        #expect(StockholmTime.utcOffset(at: Self.at("2026-03-29T01:00:00.000Z")) == 7200)
        #expect(StockholmTime.utcOffset(at: Self.at("2026-10-25T00:59:59.999999Z")) == 7200)
        #expect(StockholmTime.utcOffset(at: Self.at("2026-10-25T01:00:00.000Z")) == 3600)
        #expect(StockholmTime.abbreviation(at: Self.at("2026-07-01T12:00:00.000Z")) == "CEST")
    }

    @Test("before 1996 summer time ended in September; 1980 began in April; before 1980 none")
    func earlierRules() {
        #expect(StockholmTime.summerTime(in: 1995)?.upperBound.iso8601(.milliseconds) == "1995-09-24T01:00:00.000Z")
        #expect(StockholmTime.summerTime(in: 1981)?.lowerBound.iso8601(.milliseconds) == "1981-03-29T01:00:00.000Z")
        #expect(StockholmTime.summerTime(in: 1980)?.lowerBound.iso8601(.milliseconds) == "1980-04-06T01:00:00.000Z")
        #expect(StockholmTime.summerTime(in: 1980)?.upperBound.iso8601(.milliseconds) == "1980-09-28T01:00:00.000Z")
        #expect(StockholmTime.summerTime(in: 1979) == nil)
        #expect(StockholmTime.utcOffset(at: Self.at("1979-07-01T12:00:00.000Z")) == 3600)
    }

    @Test("today in Stockholm is the local calendar day, not the UTC one")
    func today() {
        #expect(StockholmTime.today(at: Self.at("2026-03-28T23:30:00.000Z")) == CivilDate(year: 2026, month: 3, day: 29))
        #expect(StockholmTime.today(at: Self.at("2026-06-30T21:59:59.999Z")) == CivilDate(year: 2026, month: 6, day: 30))
        #expect(StockholmTime.today(at: Self.at("2026-06-30T22:00:00.000Z")) == CivilDate(year: 2026, month: 7, day: 1))
        #expect(StockholmTime.today(at: Self.at("2026-12-31T23:00:00.000Z")) == CivilDate(year: 2027, month: 1, day: 1))
    }

    @Test("the skipped hour of spring reads as winter time; the repeated hour of autumn is chosen")
    func localToInstant() {
        let skipped = CivilDateTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30)!
        #expect(StockholmTime.timestamp(for: skipped) == Self.at("2026-03-29T01:30:00.000Z"))
        #expect(StockholmTime.localDateTime(at: StockholmTime.timestamp(for: skipped)).description
                == "2026-03-29T03:30:00.000000")
        let repeated = CivilDateTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30)!
        #expect(StockholmTime.timestamp(for: repeated) == Self.at("2026-10-25T00:30:00.000Z"))
        #expect(StockholmTime.timestamp(for: repeated, repeated: .second) == Self.at("2026-10-25T01:30:00.000Z"))
        let ordinary = CivilDateTime(year: 2026, month: 12, day: 2, hour: 19, minute: 4, second: 58, microsecond: 5)!
        #expect(StockholmTime.timestamp(for: ordinary) == Self.at("2026-12-02T18:04:58.000005Z"))
        #expect(StockholmTime.timestamp(for: ordinary, repeated: .second) == Self.at("2026-12-02T18:04:58.000005Z"))
    }

    // MARK: Against Python's zoneinfo

    /// Finds every offset change of Europe/Stockholm from 1980 to 2100 by scanning in six-hour
    /// steps and bisecting to the second; prints `seconds offset` per change.
    static let transitionScript = """
        import sys, zoneinfo, datetime as d
        sys.stdin.read()
        z = zoneinfo.ZoneInfo("Europe/Stockholm")
        def off(t): return int(d.datetime.fromtimestamp(t, z).utcoffset().total_seconds())
        t = int(d.datetime(1980, 1, 1, tzinfo=d.timezone.utc).timestamp())
        end = int(d.datetime(2101, 1, 1, tzinfo=d.timezone.utc).timestamp())
        out, previous = [], off(t)
        while t < end:
            n = t + 6 * 3600
            if off(n) != previous:
                lo, hi = t, n
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    if off(mid) == previous: lo = mid
                    else: hi = mid
                previous = off(hi)
                out.append(f"{hi} {previous}")
            t = n
        print("\\n".join(out))
        """

    @Test("every transition 1980–2100 is where zoneinfo has it, and there are no others",
          .enabled(if: Python.hasStockholmZone, "python3 with zoneinfo and Europe/Stockholm is not installed: the zoneinfo comparison did not run"))
    func transitionsMatchZoneinfo() throws {
        let expected = try Python.lines(Self.transitionScript, input: [])
        var ours: [String] = []
        for year in 1980...2100 {
            let period = try #require(StockholmTime.summerTime(in: year))
            ours.append("\(period.lowerBound.secondsSince1970) 7200")
            ours.append("\(period.upperBound.secondsSince1970) 3600")
        }
        #expect(expected.count == 242)
        let differences = zip(ours, expected).filter { $0 != $1 }
        for (mine, theirs) in differences.prefix(5) {
            Issue.record("transition (UTC seconds, new offset): ours \(mine), zoneinfo \(theirs)")
        }
        #expect(differences.isEmpty)
    }

    /// Reads `seconds` per line; prints `offset yyyy-mm-ddThh:mm:ss` for each.
    static let offsetScript = """
        import sys, zoneinfo, datetime as d
        z = zoneinfo.ZoneInfo("Europe/Stockholm")
        out = []
        for line in sys.stdin.read().split():
            local = d.datetime.fromtimestamp(int(line), z)
            out.append(f"{int(local.utcoffset().total_seconds())} {local.strftime('%Y-%m-%dT%H:%M:%S')}")
        print("\\n".join(out))
        """

    @Test("offset and local time agree with zoneinfo at 5 000 seeded random instants 1917–2200",
          .enabled(if: Python.hasStockholmZone, "python3 with zoneinfo and Europe/Stockholm is not installed: the zoneinfo comparison did not run"))
    func randomInstantsMatchZoneinfo() throws {
        var random = SeededGenerator(seed: 46)
        let from = Int64(-1_672_531_200)  // 1917-01-01Z: 1916's summer time is not modelled.
        let to = Int64(7_258_118_400)  // 2200-01-01Z
        var instants = (0..<4_000).map { _ in Int64.random(in: from..<to, using: &random) }
        // And a thousand within two hours of a transition, where mistakes would be.
        for _ in 0..<1_000 {
            let period = StockholmTime.summerTime(in: Int.random(in: 1980...2199, using: &random))!
            let edge = Bool.random(using: &random) ? period.lowerBound : period.upperBound
            instants.append(edge.secondsSince1970 + Int64.random(in: -7200...7200, using: &random))
        }
        let expected = try Python.lines(Self.offsetScript, input: instants.map(String.init))
        let ours = instants.map { seconds -> String in
            let moment = Timestamp(secondsSince1970: seconds)
            return "\(StockholmTime.utcOffset(at: moment)) \(StockholmTime.localDateTime(at: moment).description.prefix(19))"
        }
        #expect(expected.count == instants.count)
        for (index, line) in ours.enumerated() where index < expected.count && line != expected[index] {
            Issue.record("at \(Timestamp(secondsSince1970: instants[index])): ours \(line), zoneinfo \(expected[index])")
        }
    }

    /// Reads `y m d h mi s` per line; prints, for fold 0 and 1, the instant in microseconds and
    /// whether the local time exists (it does not in the skipped hour).
    static let localScript = """
        import sys, zoneinfo, datetime as d
        z = zoneinfo.ZoneInfo("Europe/Stockholm")
        epoch = d.datetime(1970, 1, 1, tzinfo=d.timezone.utc)
        data = sys.stdin.read().split("\\n")
        out = []
        for line in data:
            if not line: continue
            y, m, day, h, mi, s = map(int, line.split())
            fields = []
            for fold in (0, 1):
                local = d.datetime(y, m, day, h, mi, s, tzinfo=z, fold=fold)
                micros = (local - epoch) // d.timedelta(microseconds=1)
                back = d.datetime.fromtimestamp(micros / 1e6, z).replace(tzinfo=None)
                fields.append(f"{micros} {int(back == local.replace(tzinfo=None))}")
            out.append(" ".join(fields))
        print("\\n".join(out))
        """

    @Test("local time to instant agrees with zoneinfo (fold 0 and 1) for 3 000 seeded local times",
          .enabled(if: Python.hasStockholmZone, "python3 with zoneinfo and Europe/Stockholm is not installed: the zoneinfo comparison did not run"))
    func localTimesMatchZoneinfo() throws {
        var random = SeededGenerator(seed: 1996)
        var locals: [CivilDateTime] = []
        for index in 0..<3_000 {
            let year = Int.random(in: 1917...2199, using: &random)
            if index % 2 == 0, let period = StockholmTime.summerTime(in: year) {
                // A minute within a few hours of a transition, on the transition's local day.
                let edge = Bool.random(using: &random) ? period.lowerBound : period.upperBound
                let day = StockholmTime.localDateTime(at: edge).date
                locals.append(CivilDateTime(date: day, hour: Int.random(in: 0...5, using: &random),
                                            minute: Int.random(in: 0...59, using: &random),
                                            second: Int.random(in: 0...59, using: &random))!)
            } else {
                let month = Int.random(in: 1...12, using: &random)
                let date = CivilDate(year: year, month: month,
                                     day: Int.random(in: 1...CivilDate.daysIn(month: month, year: year), using: &random))!
                locals.append(CivilDateTime(date: date, hour: Int.random(in: 0...23, using: &random),
                                            minute: Int.random(in: 0...59, using: &random),
                                            second: Int.random(in: 0...59, using: &random))!)
            }
        }
        let input = locals.map { "\($0.date.year) \($0.date.month) \($0.date.day) \($0.hour) \($0.minute) \($0.second)" }
        let expected = try Python.lines(Self.localScript, input: input)
        #expect(expected.count == locals.count)
        var skipped = 0, repeated = 0
        for (index, line) in expected.enumerated() where index < locals.count {
            let fields = line.split(separator: " ").map { Int64($0)! }
            let first = StockholmTime.timestamp(for: locals[index]).microsecondsSince1970
            #expect(first == fields[0], "fold 0 of \(locals[index])")
            if fields[3] == 1 {
                #expect(StockholmTime.timestamp(for: locals[index], repeated: .second).microsecondsSince1970 == fields[2],
                        "fold 1 of \(locals[index])")
                if fields[0] != fields[2] { repeated += 1 }
            } else {
                skipped += 1
            }
        }
        // The seeded times do reach both special hours.
        #expect(skipped > 10)
        #expect(repeated > 10)
    }
}

@Suite("Reading a time as a person types it")
struct StockholmTimeParsingTests {
    @Test("a date is the start of that day in Stockholm, in summer and in winter")
    func dates() {
        #expect(StockholmTime.parse("2022-06-01") == Timestamp(iso8601: "2022-05-31T22:00:00.000Z"))
        #expect(StockholmTime.parse("2023-01-16") == Timestamp(iso8601: "2023-01-15T23:00:00.000Z"))
    }

    @Test("a local time with or without seconds, and a UTC instant as the services write it")
    func times() {
        #expect(StockholmTime.parse("2022-06-28T09:30") == Timestamp(iso8601: "2022-06-28T07:30:00.000Z"))
        #expect(StockholmTime.parse("2022-12-24T15:00:05") == Timestamp(iso8601: "2022-12-24T14:00:05.000Z"))
        #expect(StockholmTime.parse("2022-06-28T07:30:00.000Z") == Timestamp(iso8601: "2022-06-28T07:30:00.000Z"))
    }

    @Test("anything else is refused", arguments: ["", "2022-6-1", "2022-02-30", "2022-06-28 09:30", "2022-06-28T24:00",
                                                   "2022-06-28T09:60", "2022-06-28T09:30:61", "2022-06-28T09:30Z", "now"])
    func refused(_ text: String) {
        #expect(StockholmTime.parse(text) == nil)
    }
}
