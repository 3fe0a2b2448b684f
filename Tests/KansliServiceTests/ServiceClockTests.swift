import Foundation
import KansliPlatform
import KansliProtocol
import KansliStore
import KansliTestSupport
import KansliTransport
import Synchronization
import Testing
@testable import KansliService

/// A service whose one method answers the time its handler sees, and one write that records it.
struct TimeDefinition: ServiceDefinition {
    static let serviceName = "time"
    static let now = Method<Empty, Timestamp>(id: 0x0F11, name: "time.now", access: .read, roles: .readers)
    static let stamp = Method<Empty, Timestamp>(id: 0x0F12, name: "time.stamp", access: .write, roles: .writers)

    var migrations: [Migration] { [Migration(version: 1, sql: "CREATE TABLE stamps (at INTEGER NOT NULL)")] }

    func register(into router: ServiceRouter) {
        router.register(Self.now) { _, context in context.now }
        router.register(Self.stamp) { _, context in
            try context.connection.execute("INSERT INTO stamps (at) VALUES (?)", [.integer(context.now.microsecondsSince1970)])
            return context.now
        }
    }
}

/// A time the test moves by hand, standing in for the system clock.
final class ManualTime: Sendable {
    private let value = Mutex(Timestamp(secondsSince1970: 1_800_000_000))
    func withLock<T>(_ body: (inout Timestamp) -> T) -> T { value.withLock { body(&$0) } }
}

@Suite("The simulated clock")
struct ServiceClockTests {
    let directory = try! TemporaryDirectory()
    /// The "real" time, moved by the test.
    let real = ManualTime()
    let june2022 = StockholmTime.parse("2022-06-01")!

    func host(simulated: Bool, start: Timestamp? = nil, file: String = "time.sqlite") throws -> ServiceHost {
        let real = self.real
        return try ServiceHost(definition: TimeDefinition(), databasePath: directory.file(file),
                               log: Log(service: "time", level: .error, flushInterval: 0),
                               clock: ServiceClock(simulated: simulated, source: { real.withLock { $0 } }), clockStart: start)
    }

    @Test("handlers see the simulated time, which runs on at the real rate from where it was set")
    func handlersSeeSimulatedTime() throws {
        let host = try host(simulated: true, start: june2022)
        #expect(try host.call(TimeDefinition.now, Empty()) == june2022)
        real.withLock { $0 = $0.adding(seconds: Int64(90)) }
        #expect(try host.call(TimeDefinition.stamp, Empty()) == june2022.adding(seconds: Int64(90)))
        let signing = StockholmTime.parse("2022-06-28T09:30")!
        let status = try host.call(CommonMethods.clockSet, ClockSetRequest(to: signing))
        #expect(status == ClockStatus(now: signing, simulated: true))
        #expect(try host.call(CommonMethods.clock, Empty()).now == signing)
        #expect(try host.call(TimeDefinition.now, Empty()) == signing)
    }

    @Test("a simulated clock never moves back, and says what it reads")
    func neverBack() throws {
        let host = try host(simulated: true, start: june2022)
        _ = try host.call(CommonMethods.clockSet, ClockSetRequest(to: StockholmTime.parse("2022-07-08")!))
        let error = #expect(throws: ServiceError.self) {
            try host.call(CommonMethods.clockSet, ClockSetRequest(to: StockholmTime.parse("2022-07-01")!))
        }
        #expect(error?.code == .validation)
        #expect(error?.field == "to")
        #expect(error?.message.contains("2022-07-07T22:00:00.000Z") == true)
        #expect(try host.call(TimeDefinition.now, Empty()) == StockholmTime.parse("2022-07-08")!)
    }

    @Test("a service on the real clock refuses clock.set, and only an admin may call it")
    func realClockRefuses() throws {
        let host = try host(simulated: false)
        let error = #expect(throws: ServiceError.self) {
            try host.call(CommonMethods.clockSet, ClockSetRequest(to: real.withLock { $0 }.adding(seconds: Int64(3600))))
        }
        #expect(error?.code == .forbidden)
        #expect(try host.call(CommonMethods.clock, Empty()) == ClockStatus(now: real.withLock { $0 }, simulated: false))
        let simulated = try self.host(simulated: true, file: "other.sqlite")
        let writer = #expect(throws: ServiceError.self) {
            try simulated.call(CommonMethods.clockSet, ClockSetRequest(to: june2022), role: .write)
        }
        #expect(writer?.code == .forbidden)
    }

    @Test("a restart resumes the simulated time an earlier run left, or a later start")
    func survivesRestart() throws {
        let jul = StockholmTime.parse("2022-07-04T10:00")!
        do {
            let first = try host(simulated: true, start: june2022)
            _ = try first.call(CommonMethods.clockSet, ClockSetRequest(to: jul))
        }
        real.withLock { $0 = $0.adding(seconds: Int64(60)) }
        // Restarted with the same start option: it does not go back to June.
        let second = try host(simulated: true, start: june2022)
        #expect(try second.call(TimeDefinition.now, Empty()) == jul.adding(seconds: Int64(60)))
        // Restarted with a later start: it moves forward to it.
        let january = StockholmTime.parse("2023-01-16")!
        let third = try host(simulated: true, start: january)
        #expect(try third.call(TimeDefinition.now, Empty()) == january)
    }

    @Test("idempotency keys expire by the real time, however far the simulated clock moves")
    func keysExpireByRealTime() throws {
        let host = try host(simulated: true, start: june2022)
        let key = [UInt8](repeating: 0x51, count: 16)
        let first = try host.call(TimeDefinition.stamp, Empty(), idempotencyKey: key)
        _ = try host.call(CommonMethods.clockSet, ClockSetRequest(to: StockholmTime.parse("2023-06-01")!))
        // Two real hours later a purge is due; a year later on the simulated clock, the retry is
        // still answered from the store.
        real.withLock { $0 = $0.adding(seconds: Int64(2 * 3600)) }
        #expect(try host.call(TimeDefinition.stamp, Empty(), idempotencyKey: key) == first)
        let count: Int64 = try host.database.read { try $0.queryOne("SELECT count(*) FROM stamps")!.get(0) }
        #expect(count == 1)
    }

    @Test("the command line reads a date, a Stockholm time or now, and refuses anything else")
    func commandLine() throws {
        func start(_ arguments: [String]) throws -> Timestamp? {
            let spec = ServiceMain.commandSpec(name: "time", defaultPort: 0)
            guard case .command(let parsed) = try spec.parse(["--data-dir", "/tmp", "--keys", "k"] + arguments, environment: [:])
            else { return nil }
            return try ServiceMain.simulatedClockStart(parsed)
        }
        #expect(try start([]) == nil)
        #expect(try start(["--simulated-clock", "2022-06-01"]) == june2022)
        #expect(try start(["--simulated-clock", "2022-06-28T09:30"]) == StockholmTime.parse("2022-06-28T07:30:00.000Z"))
        #expect(try start(["--simulated-clock", "now"]) != nil)
        #expect(throws: ServiceSetupError.self) { try start(["--simulated-clock", "midsommar"]) }
    }
}

@Suite("The deployment runs on the real clock")
struct DeploymentClockTests {
    @Test("no file under deploy/ sets the simulated clock")
    func deploymentNeverSimulates() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let deploy = root.appendingPathComponent("deploy")
        let files = try #require(FileManager.default.enumerator(at: deploy, includingPropertiesForKeys: nil))
        var checked = 0
        for case let file as URL in files where ["env", "service", "md", "example"].contains(file.pathExtension) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                #expect(!line.contains("KANSLI_SIMULATED_CLOCK") && !line.contains("--simulated-clock"),
                        "\(file.lastPathComponent): \(line)")
            }
            checked += 1
        }
        #expect(checked >= 4, "the env file and the three units")
    }
}
