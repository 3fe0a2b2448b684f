#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Date: DatabaseValueConvertible {
    /// An INTEGER: milliseconds since 1970-01-01T00:00:00Z, rounded to the nearest millisecond.
    ///
    /// Milliseconds, rather than ISO-8601 text, because they sort and compare as numbers, take 8
    /// bytes, and round-trip exactly. Read them in the `sqlite3` shell with
    /// `strftime('%Y-%m-%dT%H:%M:%fZ', ms / 1000.0, 'unixepoch')`.
    ///
    /// - Precondition: the date is finite and within ±292 million years of 1970.
    public var databaseValue: DatabaseValue {
        let milliseconds = (timeIntervalSince1970 * 1000).rounded()
        guard let integer = Int64(exactly: milliseconds) else {
            fatalError("KansliStore: the date \(timeIntervalSince1970) s since 1970 cannot be stored as milliseconds")
        }
        return .integer(integer)
    }

    /// Accepts an INTEGER of milliseconds since 1970-01-01Z.
    public static func decode(from value: DatabaseValue) throws -> Date {
        guard case .integer(let milliseconds) = value else {
            throw DatabaseError.typeMismatch(
                expected: "Date", found: value, detail: "dates are INTEGER milliseconds since 1970")
        }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

extension UUID: DatabaseValueConvertible {
    /// A 16-byte BLOB in RFC 4122 byte order (the order of `UUID.uuid`).
    ///
    /// A BLOB rather than 36 characters of text: half the size in rows and indexes, and one
    /// canonical form, so equal UUIDs always compare equal in SQL.
    public var databaseValue: DatabaseValue {
        withUnsafeBytes(of: uuid) { .blob(Array($0)) }
    }

    /// Accepts a 16-byte BLOB, or TEXT in the canonical 8-4-4-4-12 form (for rows typed in by hand).
    public static func decode(from value: DatabaseValue) throws -> UUID {
        switch value {
        case .blob(let b) where b.count == 16:
            return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                               b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        case .blob:
            throw DatabaseError.typeMismatch(expected: "UUID", found: value, detail: "not 16 bytes")
        case .text(let text):
            guard let uuid = UUID(uuidString: text) else {
                throw DatabaseError.typeMismatch(expected: "UUID", found: value, detail: "not a UUID string")
            }
            return uuid
        default:
            throw DatabaseError.typeMismatch(expected: "UUID", found: value)
        }
    }
}
