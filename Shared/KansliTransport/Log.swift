#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KansliPlatform
import Synchronization

/// Structured logging: one logfmt line per event on standard error, e.g.
///
///     time=2026-11-23T11:07:00.123Z level=info service=registry event=request request_id=7 method=health duration_us=42 outcome=ok key_id=demo-admin
///
/// Lines are buffered and written by a background thread every `flushInterval` (or when the
/// buffer passes 64 KiB), so logging a request costs no system call. `flush()` writes at once;
/// services call it before they exit.
public final class Log: Sendable {
    /// How much to say.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case debug, info, warning, error

        /// Parses `debug`, `info`, `warning`, `error`.
        public init?(name: String) {
            guard let level = Level.allCases.first(where: { "\($0)" == name }) else { return nil }
            self = level
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The service name written in every line.
    public let service: String
    public let level: Level
    private let fileDescriptor: Int32
    private let buffer = Mutex<[UInt8]>([])
    private let stopped = Mutex(false)
    private static let flushThreshold = 64 * 1024

    /// A log for `service` writing to `fileDescriptor` (standard error by default).
    /// `flushInterval` 0 writes every line at once (for tools and tests).
    public init(service: String, level: Level = .info, fileDescriptor: Int32 = 2, flushInterval: Double = 0.2) {
        self.service = service
        self.level = level
        self.fileDescriptor = fileDescriptor
        guard flushInterval > 0 else {
            stopped.withLock { $0 = true }
            return
        }
        do {
            // A small stack: the flusher only moves bytes.
            try PlatformThread.start(name: "\(service)-log", stackSize: PlatformThread.minimumStackSize) { [self] in
                while !stopped.withLock({ $0 }) {
                    PlatformThread.sleep(seconds: flushInterval)
                    flush()
                }
            }
        } catch {
            // No thread for the flusher: write every line at once rather than lose any.
            stopped.withLock { $0 = true }
        }
    }

    public func debug(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.debug, event, fields) }
    public func info(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.info, event, fields) }
    public func warning(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.warning, event, fields) }
    public func error(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { write(.error, event, fields) }

    /// Appends one line for `event` with `fields`, in the order given.
    public func write(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String>) {
        guard level >= self.level else { return }
        var line = "time=\(Log.timestamp()) level=\(level) service=\(service) event=\(Log.quoted(event))"
        for (key, value) in fields {
            line += " \(key)=\(Log.quoted(value))"
        }
        line += "\n"
        let shouldFlush = buffer.withLock { bytes -> Bool in
            bytes.append(contentsOf: line.utf8)
            return bytes.count >= Log.flushThreshold || stopped.withLock { $0 }
        }
        if shouldFlush { flush() }
    }

    /// Writes everything buffered now.
    public func flush() {
        let pending = buffer.withLock { bytes -> [UInt8] in
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Flushes and stops the background writer; later lines are written at once.
    public func close() {
        stopped.withLock { $0 = true }
        flush()
    }

    /// A logfmt value: bare when it is safe, otherwise in double quotes with `"` and `\` escaped
    /// and control characters replaced.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\\") || $0 == 0x7F }
        guard needsQuotes else { return value }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { result += "?" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// The current UTC time as ISO 8601 with milliseconds.
    static func timestamp() -> String {
        Timestamp.now().iso8601(.milliseconds)
    }

    /// `seconds` since 1970 as `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    public static func formatUTC(seconds: Int, milliseconds: Int) -> String {
        Timestamp(secondsSince1970: Int64(seconds)).adding(microseconds: Int64(milliseconds) * 1000).iso8601(.milliseconds)
    }
}

/// The C `write(2)`, which the method `Log.write` hides inside the class.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
