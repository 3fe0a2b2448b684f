/// A line's allocation model: its kind and the parameters that kind reads. A struct with optional
/// parameters rather than an enum with payloads, so the wire form is a flat map that old and new
/// peers read alike.
public struct AllocationModel: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kind.
    public var kind: AllocationModelKind
    /// The key for `key` and `mix`, and optionally for `daysConnected` (split by the key among the
    /// parties connected each day instead of equally).
    public var key: AllocationKey?
    /// The part divided equally in a `mix` (1/2 for "50/50").
    public var equalPart: Fraction?
    /// The per-party table of `proportional` (weights), `fixed` (öre) and `usage` (quantities).
    public var table: PartyTable?
    /// The line a `proportional` model follows, instead of a table.
    public var sourceLine: LineReference?
    /// The period of `daysConnected` (the budget year when nil).
    public var period: Period?
    /// Connection dates of `daysConnected`; when nil, each party's membership dates.
    public var connections: [PartyPeriod]?

    /// A model; use the static constructors.
    public init(kind: AllocationModelKind, key: AllocationKey? = nil, equalPart: Fraction? = nil,
                table: PartyTable? = nil, sourceLine: LineReference? = nil, period: Period? = nil,
                connections: [PartyPeriod]? = nil) {
        self.kind = kind
        self.key = key
        self.equalPart = equalPart
        self.table = table
        self.sourceLine = sourceLine
        self.period = period
        self.connections = connections
    }

    /// Equal shares.
    public static let equal = AllocationModel(kind: .equal)

    /// By `key`.
    public static func byKey(_ key: AllocationKey) -> AllocationModel { AllocationModel(kind: .key, key: key) }

    /// `equalPart` equally, the rest by `key`.
    public static func mix(equalPart: Fraction = .half, key: AllocationKey) -> AllocationModel {
        AllocationModel(kind: .mix, key: key, equalPart: equalPart)
    }

    /// In proportion to `weights`.
    public static func proportional(_ weights: PartyTable) -> AllocationModel {
        AllocationModel(kind: .proportional, table: weights)
    }

    /// In proportion to another line's allocation.
    public static func proportional(to line: LineReference) -> AllocationModel {
        AllocationModel(kind: .proportional, sourceLine: line)
    }

    /// Fixed amounts (öre) per party.
    public static func fixed(_ amounts: PartyTable) -> AllocationModel { AllocationModel(kind: .fixed, table: amounts) }

    /// By usage quantities.
    public static func usage(_ quantities: PartyTable) -> AllocationModel { AllocationModel(kind: .usage, table: quantities) }

    /// Pro rata by days connected in `period`, equally or by `key` among those connected.
    public static func daysConnected(period: Period? = nil, connections: [PartyPeriod]? = nil,
                                     key: AllocationKey? = nil) -> AllocationModel {
        AllocationModel(kind: .daysConnected, key: key, period: period, connections: connections)
    }

    /// `50/50 (1/2 equally, the rest by population 2022)` and the like.
    public var description: String {
        switch kind {
        case .equal: "equal shares"
        case .key: "by \(key.map(\.description) ?? "a key")"
        case .mix: "\(equalPart.map(\.description) ?? "?") equally, the rest by \(key.map(\.description) ?? "a key")"
        case .proportional:
            if let sourceLine { "in proportion to line \(sourceLine)" } else { "in proportion to \(table?.source ?? "a table")" }
        case .fixed: "fixed amounts per party"
        case .usage: "by usage"
        case .daysConnected: "pro rata by days connected" + (key.map { ", by \($0)" } ?? ", equally")
        }
    }
}
