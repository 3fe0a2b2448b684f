/// A method a service answers: its stable numeric id on the wire, its name in logs and
/// documentation, the role a caller needs, and (through its generic parameters) the types of
/// its request and response.
///
/// A method whose `requiredRole` is `.write` or `.admin` changes state: the client sends an
/// idempotency key with every call of it, and the server applies a retried call once.
public struct Method<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// The method id carried in every frame header; stable forever once published.
    public let id: UInt16
    /// A dotted name such as `registry.party.add`, used in logs and the CLI.
    public let name: String
    /// The least role a caller must hold.
    public let requiredRole: Role

    public init(id: UInt16, name: String, requiredRole: Role) {
        self.id = id
        self.name = name
        self.requiredRole = requiredRole
    }

    /// Whether calls change state (and therefore carry an idempotency key).
    public var isWrite: Bool { requiredRole >= .write }
}

/// The id ranges each service draws its method ids from.
public enum MethodRange {
    /// Methods every service answers (health, stats, audit).
    public static let common: ClosedRange<UInt16> = 0x0001...0x00FF
    /// `kansli-registry`.
    public static let registry: ClosedRange<UInt16> = 0x0100...0x01FF
    /// `kansli-finance`.
    public static let finance: ClosedRange<UInt16> = 0x0200...0x02FF
    /// `kansli-documents`.
    public static let documents: ClosedRange<UInt16> = 0x0300...0x03FF
}
