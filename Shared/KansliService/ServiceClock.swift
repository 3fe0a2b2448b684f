import KansliPlatform
import KansliProtocol
import KansliStore
import Synchronization

/// The service's idea of the current date and time: what every handler sees as `context.now`.
///
/// It is the real clock unless the service was started with `--simulated-clock`, which demos and
/// tests use to replay a committee's year (a meeting in June 2022, its signatures a week later,
/// the invoices in January 2023). A simulated clock runs at the real rate from the time it was
/// last set, and only moves forward: `clock.set` refuses an earlier time, and the offset is kept
/// in the service's database so that a restart (or a kill -9) does not send it back.
///
/// It never drives a timeout: deadlines, idle and read timeouts use `ContinuousClock`, and the
/// retention of idempotency keys uses the real time (`realNow`).
public final class ServiceClock: Sendable {
    /// Whether the time can be set (`--simulated-clock`).
    public let isSimulated: Bool
    private let source: @Sendable () -> Timestamp
    /// Microseconds added to the source's time; 0 for a real clock.
    private let offset = Atomic<Int64>(0)

    /// A clock over `source` (the system clock unless a test supplies one); a simulated clock
    /// starts at the source's time until it is set.
    public init(simulated: Bool = false, source: @escaping @Sendable () -> Timestamp = { Timestamp.now() }) {
        isSimulated = simulated
        self.source = source
    }

    /// The time a handler sees.
    public func now() -> Timestamp {
        source().adding(microseconds: offset.load(ordering: .acquiring))
    }

    /// The time of the system (or test) clock, whatever the simulation says.
    public func realNow() -> Timestamp { source() }

    /// What `clock` answers.
    public func status() -> ClockStatus { ClockStatus(now: now(), simulated: isSimulated) }

    /// The offset that makes `now()` read `target`, refused unless the clock is simulated and
    /// `target` is not earlier than the time it reads now.
    func offset(toReach target: Timestamp) throws(ServiceError) -> Int64 {
        guard isSimulated else {
            throw ServiceError(.forbidden, "this service runs on the real clock; only a service started with --simulated-clock can be set")
        }
        let current = now()
        guard target >= current else {
            throw ServiceError.validation("a simulated clock only moves forward: it reads \(current.iso8601(.milliseconds)), later than \(target.iso8601(.milliseconds))",
                                          field: "to")
        }
        return target.microsecondsSince1970 - source().microsecondsSince1970
    }

    /// Moves the clock forward so that it reads `target` (for one who has checked `offset(toReach:)`).
    func apply(offset newOffset: Int64) {
        // Never back, even if two sets race: keep the larger offset.
        var current = offset.load(ordering: .relaxed)
        while newOffset > current {
            let (exchanged, original) = offset.compareExchange(expected: current, desired: newOffset,
                                                               ordering: .acquiringAndReleasing)
            if exchanged { return }
            current = original
        }
    }

    // MARK: Kept in the service's database

    static let schema = """
        CREATE TABLE IF NOT EXISTS kansli_clock (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            offset_us INTEGER NOT NULL
        );
        """

    /// Restores the offset kept by an earlier run, then moves forward to `start` if that is later.
    /// A first run starts at `start` (at the real time without one).
    func restore(from connection: Connection, start: Timestamp?) throws {
        guard isSimulated else { return }
        let real = source().microsecondsSince1970
        let kept: Int64? = try connection.queryOne("SELECT offset_us FROM kansli_clock WHERE id = 1").map { try $0.get(0) }
        var restored = kept ?? start.map { $0.microsecondsSince1970 - real } ?? 0
        if let start, start.microsecondsSince1970 - real > restored { restored = start.microsecondsSince1970 - real }
        offset.store(restored, ordering: .releasing)
        try store(on: connection)
    }

    /// Keeps the current offset, in the caller's write transaction.
    func store(on connection: Connection) throws {
        try connection.execute("INSERT INTO kansli_clock (id, offset_us) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET offset_us = excluded.offset_us",
                               [.integer(offset.load(ordering: .acquiring))])
    }
}
