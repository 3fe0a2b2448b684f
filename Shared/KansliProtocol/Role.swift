/// What a client key may do. A method names the roles it admits (`Method.roles`); the usual sets
/// are `RoleSet.readers`, `.writers` and `.admins`, so a `write` key can do what a `read` key can,
/// and an `admin` key what a `write` key can. A `signer` key stands apart: it belongs to one
/// person (the registry maps it) and may call only the methods a signing member needs.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// May call methods that only read.
    case read
    /// May also call methods that change records.
    case write
    /// May also call administrative methods (imports of whole committees, key management).
    case admin
    /// A signing member or the secretary: may read the drafts that await its own signature and
    /// its own person's signing keys, and submit signatures; nothing else.
    case signer
}

/// A set of roles, as a method admits them.
public struct RoleSet: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding `role` alone.
    public init(_ role: Role) {
        switch role {
        case .read: rawValue = 1
        case .write: rawValue = 2
        case .admin: rawValue = 4
        case .signer: rawValue = 8
        }
    }

    public static let read = RoleSet(.read)
    public static let write = RoleSet(.write)
    public static let admin = RoleSet(.admin)
    public static let signer = RoleSet(.signer)

    /// `read`, `write` and `admin`: what a method that only reads usually admits.
    public static let readers: RoleSet = [.read, .write, .admin]
    /// `write` and `admin`: what a method that changes records usually admits.
    public static let writers: RoleSet = [.write, .admin]
    /// `admin` alone.
    public static let admins: RoleSet = [.admin]

    /// Whether `role` is in the set.
    public func contains(_ role: Role) -> Bool { contains(RoleSet(role)) }

    /// The roles in the set, in `Role.allCases` order.
    public var roles: [Role] { Role.allCases.filter(contains) }

    /// `read, write, admin`.
    public var description: String { roles.map(\.rawValue).joined(separator: ", ") }
}
