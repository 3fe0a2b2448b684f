/// A method a service answers: its stable numeric id on the wire, its name in logs and
/// documentation, whether it reads or writes, the roles that may call it, and (through its
/// generic parameters) the types of its request and response.
///
/// `access` and `roles` are independent: a signer's method that submits a signature writes but
/// admits only `signer` keys; an import writes and admits only `admin`.
public struct Method<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// The method id carried in every frame header; stable forever once published.
    public let id: UInt16
    /// A dotted name such as `registry.party.add`, used in logs and the CLI.
    public let name: String
    /// Whether calls only read or change state.
    public let access: MethodAccess
    /// The roles whose keys may call it.
    public let roles: RoleSet

    public init(id: UInt16, name: String, access: MethodAccess, roles: RoleSet) {
        precondition(!roles.isEmpty, "method \(name) admits no role")
        self.id = id
        self.name = name
        self.access = access
        self.roles = roles
    }

    /// Whether calls change state (and therefore carry an idempotency key).
    public var isWrite: Bool { access == .write }
}

/// Whether a method reads or writes. The service runtime runs a read in a snapshot, concurrently
/// with others, and a write in the single write transaction, committed durably before it
/// answers; the client sends an idempotency key with every write, and the server applies a
/// retried write once.
public enum MethodAccess: String, Sendable, Codable {
    case read
    case write
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
