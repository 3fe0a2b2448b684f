extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    /// NULL for `nil`, otherwise the wrapped value's storage.
    public var databaseValue: DatabaseValue {
        switch self {
        case .none: .null
        case .some(let wrapped): wrapped.databaseValue
        }
    }

    /// `nil` for NULL, otherwise the wrapped type's decoding.
    public static func decode(from value: DatabaseValue) throws -> Wrapped? {
        if case .null = value { return nil }
        return try Wrapped.decode(from: value)
    }
}
