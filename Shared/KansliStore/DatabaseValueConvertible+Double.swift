extension Double: DatabaseValueConvertible {
    /// A REAL. SQLite stores NaN as NULL.
    public var databaseValue: DatabaseValue { .real(self) }

    /// Accepts a REAL, or an INTEGER that a `Double` represents exactly (SQLite returns INTEGER
    /// for a whole number stored in a column without REAL affinity).
    public static func decode(from value: DatabaseValue) throws -> Double {
        switch value {
        case .real(let real):
            return real
        case .integer(let integer):
            guard let result = Double(exactly: integer) else {
                throw DatabaseError.typeMismatch(
                    expected: "Double", found: value, detail: "not exactly representable")
            }
            return result
        default:
            throw DatabaseError.typeMismatch(expected: "Double", found: value)
        }
    }
}
