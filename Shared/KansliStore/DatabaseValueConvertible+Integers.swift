extension Int64: DatabaseValueConvertible {
    /// An INTEGER.
    public var databaseValue: DatabaseValue { .integer(self) }

    /// Accepts INTEGER only.
    public static func decode(from value: DatabaseValue) throws -> Int64 {
        guard case .integer(let integer) = value else {
            throw DatabaseError.typeMismatch(expected: "Int64", found: value)
        }
        return integer
    }
}

extension Int: DatabaseValueConvertible {
    /// An INTEGER.
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }

    /// Accepts an INTEGER that fits `Int`.
    public static func decode(from value: DatabaseValue) throws -> Int {
        guard case .integer(let integer) = value else {
            throw DatabaseError.typeMismatch(expected: "Int", found: value)
        }
        guard let result = Int(exactly: integer) else {
            throw DatabaseError.typeMismatch(expected: "Int", found: value, detail: "out of range")
        }
        return result
    }
}

extension Int32: DatabaseValueConvertible {
    /// An INTEGER.
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }

    /// Accepts an INTEGER in `Int32.min...Int32.max`.
    public static func decode(from value: DatabaseValue) throws -> Int32 {
        guard case .integer(let integer) = value else {
            throw DatabaseError.typeMismatch(expected: "Int32", found: value)
        }
        guard let result = Int32(exactly: integer) else {
            throw DatabaseError.typeMismatch(expected: "Int32", found: value, detail: "out of range")
        }
        return result
    }
}

extension Bool: DatabaseValueConvertible {
    /// The INTEGER 1 for `true`, 0 for `false` (what SQLite's own comparisons return).
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }

    /// Accepts the INTEGERs 0 and 1 only; any other number is more likely a bug than a flag.
    public static func decode(from value: DatabaseValue) throws -> Bool {
        switch value {
        case .integer(0): return false
        case .integer(1): return true
        case .integer: throw DatabaseError.typeMismatch(expected: "Bool", found: value, detail: "not 0 or 1")
        default: throw DatabaseError.typeMismatch(expected: "Bool", found: value)
        }
    }
}
