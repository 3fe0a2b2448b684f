/// A value as SQLite stores it: one of its five storage classes.
///
/// Arguments bound to a statement and the columns of a ``Row`` are `DatabaseValue`s. Swift types
/// convert to and from them through ``DatabaseValueConvertible``.
public enum DatabaseValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer (INTEGER).
    case integer(Int64)
    /// An IEEE-754 binary64 number (REAL). SQLite stores NaN as NULL.
    case real(Double)
    /// UTF-8 text (TEXT).
    case text(String)
    /// Bytes (BLOB). An empty array is an empty blob, distinct from NULL.
    case blob([UInt8])

    /// Whether the value is SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The storage class as SQLite names it: `NULL`, `INTEGER`, `REAL`, `TEXT` or `BLOB`.
    ///
    /// Error messages use this name rather than the value itself, which may be personal data.
    public var storageClassName: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}

extension DatabaseValue: CustomStringConvertible {
    /// The value written as an SQL literal, for debugging: `NULL`, `42`, `1.5`, `'text'`, `X'01FF'`.
    public var description: String {
        switch self {
        case .null:
            return "NULL"
        case .integer(let value):
            return String(value)
        case .real(let value):
            return String(value)
        case .text(let value):
            return "'" + value.replacing("'", with: "''") + "'"
        case .blob(let bytes):
            let digits = Array("0123456789ABCDEF")
            var text = "X'"
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
            return text + "'"
        }
    }
}

extension DatabaseValue: DatabaseValueConvertible {
    /// The value itself.
    public var databaseValue: DatabaseValue { self }

    /// The value itself: any storage class is accepted.
    public static func decode(from value: DatabaseValue) throws -> DatabaseValue { value }
}
