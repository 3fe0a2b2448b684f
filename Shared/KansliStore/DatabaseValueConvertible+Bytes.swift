extension Array: DatabaseValueConvertible where Element == UInt8 {
    /// A BLOB. An empty array is an empty blob, not NULL.
    public var databaseValue: DatabaseValue { .blob(self) }

    /// Accepts a BLOB only.
    public static func decode(from value: DatabaseValue) throws -> [UInt8] {
        guard case .blob(let bytes) = value else {
            throw DatabaseError.typeMismatch(expected: "[UInt8]", found: value)
        }
        return bytes
    }
}
