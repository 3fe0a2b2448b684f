extension String: DatabaseValueConvertible {
    /// TEXT (UTF-8). The empty string is empty TEXT, not NULL.
    public var databaseValue: DatabaseValue { .text(self) }

    /// Accepts TEXT only.
    public static func decode(from value: DatabaseValue) throws -> String {
        guard case .text(let text) = value else {
            throw DatabaseError.typeMismatch(expected: "String", found: value)
        }
        return text
    }
}
