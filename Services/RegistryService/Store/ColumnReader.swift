import KansliProtocol
import KansliStore
import RegistryAPI

/// Reads a row's columns one after another, by position: what `RegistryRows` decodes rows with.
///
/// Each read names the column it expects. Debug builds (the tests) check that name against the
/// row's column at that position, so a SELECT list and its reader cannot drift apart unnoticed;
/// release builds skip the check and never look a name up. Errors name the column either way.
struct ColumnReader {
    private let row: Row
    private var position = 0

    /// A reader at the row's first column.
    init(_ row: Row) {
        self.row = row
    }

    /// The next column's value as `T`.
    mutating func next<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        assert(position < row.count && row.columnNames[position] == column,
               "RegistryRows reads \"\(column)\" at position \(position) of [\(row.columnNames.joined(separator: ", "))]")
        defer { position += 1 }
        return try row.get(position, as: type)
    }

    /// The next column, a `yyyy-MM-dd` date.
    mutating func date(_ column: String) throws -> CalendarDate {
        let text: String = try next(column)
        guard let date = CalendarDate(text) else {
            throw ServiceError(.internal, "stored \(column) \(ServiceError.quote(text)) is not a yyyy-MM-dd date")
        }
        return date
    }

    /// The next column, a `yyyy-MM-dd` date or NULL.
    mutating func optionalDate(_ column: String) throws -> CalendarDate? {
        guard let text = try next(column, as: String?.self) else { return nil }
        guard let date = CalendarDate(text) else {
            throw ServiceError(.internal, "stored \(column) \(ServiceError.quote(text)) is not a yyyy-MM-dd date")
        }
        return date
    }

    /// The next two columns, `withdrawn_on` and `withdrawal_reason`: nil when the record is not
    /// withdrawn; `internal` if only one of them is set.
    mutating func withdrawal() throws -> Withdrawal? {
        let on = try optionalDate("withdrawn_on")
        let reason = try next("withdrawal_reason", as: String?.self)
        switch (on, reason) {
        case (nil, nil): return nil
        case (let on?, let reason?): return Withdrawal(on: on, reason: reason)
        default: throw ServiceError(.internal, "stored withdrawn_on and withdrawal_reason are not both set or both NULL")
        }
    }

    /// The next column, the raw value of `T`.
    mutating func enumeration<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
        let text: String = try next(column)
        guard let value = T(rawValue: text) else {
            throw ServiceError(.internal, "stored \(column) \(ServiceError.quote(text)) is not a known value")
        }
        return value
    }

    /// The next column, a mandate period. The store writes them as `YYYY-YYYY`, which is read
    /// directly; anything else goes through `MandatePeriod`'s general parser (trimming, en dash),
    /// which costs about as much as the rest of an appointment's row.
    mutating func mandatePeriod(_ column: String) throws -> MandatePeriod {
        let text: String = try next(column)
        if let period = Self.canonicalMandatePeriod(text) ?? MandatePeriod(text) {
            return period
        }
        throw ServiceError(.internal, "stored \(column) \(ServiceError.quote(text)) is malformed")
    }

    /// The period in `YYYY-YYYY` (ASCII digits), or nil for any other text or an invalid period.
    static func canonicalMandatePeriod(_ text: String) -> MandatePeriod? {
        var start = 0
        var end = 0
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 4:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<9:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                if count < 4 {
                    start = start * 10 + Int(byte - UInt8(ascii: "0"))
                } else {
                    end = end * 10 + Int(byte - UInt8(ascii: "0"))
                }
            default:
                return nil
            }
            count += 1
        }
        guard count == 9 else { return nil }
        return try? MandatePeriod(startYear: start, endYear: end)
    }
}
