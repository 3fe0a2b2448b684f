import KansliPlatform

extension Timestamp: DatabaseValueConvertible {
    /// An INTEGER: **microseconds** since 1970-01-01T00:00:00Z, the `Timestamp` itself.
    ///
    /// Microseconds, rather than ISO 8601 text, because they sort and compare as numbers, take
    /// 8 bytes and round-trip exactly; rather than milliseconds, because a `Timestamp` has
    /// microseconds and what is stored should read back equal. Read them in the `sqlite3` shell
    /// with `strftime('%Y-%m-%dT%H:%M:%fZ', us / 1e6, 'unixepoch')`.
    public var databaseValue: DatabaseValue { .integer(microsecondsSince1970) }

    /// Accepts an INTEGER of microseconds since 1970-01-01Z.
    public static func decode(from value: DatabaseValue) throws -> Timestamp {
        guard case .integer(let microseconds) = value else {
            throw DatabaseError.typeMismatch(
                expected: "Timestamp", found: value, detail: "timestamps are INTEGER microseconds since 1970")
        }
        return Timestamp(microsecondsSince1970: microseconds)
    }
}
