#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant of wall-clock time: microseconds since 1970-01-01T00:00:00Z (POSIX time, no leap
/// seconds). What the services use where they used Foundation's `Date`.
///
/// Whole microseconds in an `Int64` rather than a `Double` of seconds: exact, totally ordered,
/// 8 bytes, and the same in a database column, a log line and on the wire. The range is about
/// ±292 000 years; the calendar formats (`iso8601`, `StockholmTime`) cover years 1–9999.
///
/// It encodes (`Codable`) as its `Int64` of microseconds.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z; negative before.
    public var microsecondsSince1970: Int64

    /// The instant `microseconds` after 1970-01-01T00:00:00Z.
    public init(microsecondsSince1970 microseconds: Int64) {
        microsecondsSince1970 = microseconds
    }

    /// The instant `seconds` whole seconds after 1970-01-01T00:00:00Z.
    ///
    /// - Precondition: `seconds` is within the range (about ±292 000 years).
    public init(secondsSince1970 seconds: Int64) {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        precondition(!overflow, "KansliPlatform: \(seconds) s since 1970 is outside Timestamp's range")
        microsecondsSince1970 = product
    }

    /// The system's wall clock now (`clock_gettime(CLOCK_REALTIME)`), truncated to the microsecond.
    ///
    /// The wall clock can jump (NTP, an operator); measure durations with a monotonic clock.
    public static func now() -> Timestamp {
        var time = timespec()
        // CLOCK_REALTIME cannot fail with a valid pointer.
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(microsecondsSince1970: Int64(time.tv_sec) * 1_000_000 + Int64(time.tv_nsec) / 1000)
    }

    /// Whole seconds since 1970, rounded down (toward the past, also before 1970).
    public var secondsSince1970: Int64 { Timestamp.split(microsecondsSince1970).seconds }

    /// The microseconds past `secondsSince1970`: 0–999 999.
    public var microsecondOfSecond: Int { Int(Timestamp.split(microsecondsSince1970).microseconds) }

    /// Seconds since 1970 as a `Double` (exact to the microsecond for ±285 years around 1970).
    public var timeIntervalSince1970: Double { Double(microsecondsSince1970) / 1_000_000 }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> Timestamp {
        adding(microseconds: seconds * 1_000_000)
    }

    /// The instant `seconds` later (earlier when negative), rounded to the nearest microsecond.
    ///
    /// - Precondition: `seconds` is finite and the result within range (about ±292 000 years),
    ///   as for every `adding`: overflow traps rather than wraps.
    public func adding(seconds: Double) -> Timestamp {
        let microseconds = (seconds * 1_000_000).rounded()
        precondition(seconds.isFinite && abs(microseconds) < 9.2e18, "KansliPlatform: cannot add \(seconds) seconds to a Timestamp")
        return adding(microseconds: Int64(microseconds))
    }

    /// The instant `microseconds` later (earlier when negative).
    public func adding(microseconds: Int64) -> Timestamp {
        Timestamp(microsecondsSince1970: microsecondsSince1970 + microseconds)
    }

    /// The instant `seconds` earlier.
    public func subtracting(seconds: Int64) -> Timestamp { adding(seconds: -seconds) }

    /// Seconds from `earlier` to `self` (negative when `earlier` is later).
    public func seconds(since earlier: Timestamp) -> Double {
        Double(microsecondsSince1970 - earlier.microsecondsSince1970) / 1_000_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSince1970 < rhs.microsecondsSince1970
    }

    /// `iso8601`.
    public var description: String { iso8601 }

    public init(from decoder: any Decoder) throws {
        microsecondsSince1970 = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(microsecondsSince1970)
    }

    // MARK: Arithmetic that rounds toward the past

    /// `value` split into whole seconds (rounded down) and the microseconds past them.
    static func split(_ microseconds: Int64) -> (seconds: Int64, microseconds: Int64) {
        let (seconds, remainder) = floorDivide(microseconds, 1_000_000)
        return (seconds, remainder)
    }

    /// Quotient rounded toward minus infinity, and the non-negative remainder.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor, remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
