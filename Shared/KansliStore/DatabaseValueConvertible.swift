/// A Swift type that converts to and from a ``DatabaseValue``.
///
/// The module provides conformances for `Int`, `Int64`, `Int32`, `Bool`, `Double`, `String`,
/// `[UInt8]`, `Date` (INTEGER milliseconds since 1970-01-01Z), `UUID` (16-byte BLOB),
/// ``DatabaseValue`` itself, and `Optional` of any of them (NULL for `nil`). A `RawRepresentable`
/// type whose raw value conforms (such as a `String` enum) only needs to declare the conformance.
///
/// Decoding is strict: it accepts only storage classes that represent the type without loss and
/// throws ``DatabaseError/typeMismatch(expected:found:detail:)`` otherwise; `Row.get(_:as:)`
/// adds the column's name to that error.
public protocol DatabaseValueConvertible {
    /// The value to store.
    var databaseValue: DatabaseValue { get }

    /// Converts a stored value back, or throws a ``DatabaseError`` of kind
    /// ``DatabaseError/Kind/typeMismatch`` when the value cannot represent `Self`.
    static func decode(from value: DatabaseValue) throws -> Self
}

extension DatabaseValueConvertible where Self: RawRepresentable, RawValue: DatabaseValueConvertible {
    /// The raw value, stored as its own type stores it.
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    /// Decodes the raw value, then the case; an unknown raw value is a type mismatch.
    public static func decode(from value: DatabaseValue) throws -> Self {
        guard let decoded = Self(rawValue: try RawValue.decode(from: value)) else {
            throw DatabaseError.typeMismatch(
                expected: String(describing: Self.self), found: value,
                detail: "no case has this raw value")
        }
        return decoded
    }
}
