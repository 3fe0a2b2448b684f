import KansliCrypto
import KansliPlatform

/// One entry of a committee's append-only log (docs/SIGNING.md §3): a justerat protocol, a
/// party's posting of its notice. Each entry holds the SHA-256 of the entry before it, so a
/// rewrite of any entry changes every hash after it, and the head hash printed on a notice
/// pins the history up to that day.
public struct LogEntry: Sendable, Equatable {
    /// The first line, which names the format and its version.
    public static let header = "Kansli log entry v1"
    /// The `previous-sha256` of a committee's first entry: 32 zero bytes.
    public static let noPrevious = [UInt8](repeating: 0, count: 32)
    static let commonNames = ["committee", "sequence", "previous-sha256", "time", "event"]

    /// The committee's code; every entry of one chain has the same.
    public var committee: String
    /// 1 for the first entry, then one more each.
    public var sequence: Int
    /// The hash of the entry before (`noPrevious` for the first).
    public var previousHash: [UInt8]
    /// When it was logged (UTC, to the millisecond).
    public var time: Timestamp
    /// What happened: `justerat`, `anslag` … (lowercase letters, digits and `-`).
    public var event: String
    /// The event's own fields, in the order they are written (names as for `event`).
    public var fields: [Field]

    /// One `name: value` line of an event.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(committee: String, sequence: Int, previousHash: [UInt8], time: Timestamp, event: String, fields: [Field]) {
        self.committee = committee
        self.sequence = sequence
        self.previousHash = previousHash
        self.time = time
        self.event = event
        self.fields = fields
    }

    /// The value of the event field `name`, if the entry has it.
    public subscript(field name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Whether `name` may name an event or a field: 1–40 of `a`–`z`, `0`–`9`, `-`.
    static func isValidName(_ name: String) -> Bool {
        (1...40).contains(name.utf8.count)
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}
