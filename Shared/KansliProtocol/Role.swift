/// What a client key may do. Roles are ordered: `admin` can do everything `write` can, and
/// `write` everything `read` can.
public enum Role: String, Codable, Sendable, Comparable, CaseIterable {
    /// May call methods that only read.
    case read
    /// May also call methods that change records.
    case write
    /// May also call administrative methods (imports of whole committees, key management).
    case admin

    private var rank: Int {
        switch self {
        case .read: 0
        case .write: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
