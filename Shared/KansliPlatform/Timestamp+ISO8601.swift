extension Timestamp {
    /// How many digits of the second an ISO 8601 text carries.
    public enum FractionDigits: Int, Sendable, CaseIterable {
        /// `.123`: what log lines and audit records write.
        case milliseconds = 3
        /// `.123456`: the whole `Timestamp`, so that the text parses back to the same value.
        case microseconds = 6
    }

    /// The instant in UTC as ISO 8601 with microseconds, e.g. `2026-12-02T18:04:58.123456Z`.
    ///
    /// Microseconds because that is all of a `Timestamp`: `Timestamp(iso8601: t.iso8601) == t`
    /// for every instant in years 1–9999.
    public var iso8601: String { iso8601(.microseconds) }

    /// The instant in UTC as ISO 8601 with `digits` of the second, truncated toward the past,
    /// e.g. `2026-12-02T18:04:58.123Z`.
    ///
    /// Years outside 1–9999 (which the parser refuses) are written with as many digits as they
    /// need and a `-` for years before 1.
    public func iso8601(_ digits: FractionDigits) -> String {
        let time = CivilDateTimeParts(self)
        let fraction = digits == .microseconds ? time.microsecond : time.microsecond / 1000
        return ASCIIDigits.padded(time.year, 4) + "-" + ASCIIDigits.padded(time.month, 2) + "-"
            + ASCIIDigits.padded(time.day, 2) + "T" + ASCIIDigits.padded(time.hour, 2) + ":"
            + ASCIIDigits.padded(time.minute, 2) + ":" + ASCIIDigits.padded(time.second, 2) + "."
            + ASCIIDigits.padded(fraction, digits.rawValue) + "Z"
    }

    /// Parses exactly what `iso8601` and `iso8601(_:)` write: `yyyy-MM-ddTHH:mm:ss.fffZ` or
    /// `yyyy-MM-ddTHH:mm:ss.ffffffZ`, years 0001–9999, seconds 00–59.
    ///
    /// Strict on purpose: no other offset than `Z`, no lowercase `t`/`z`, no missing fraction, no
    /// other number of digits. Text that means an instant is written one way only, so two equal
    /// instants never arrive as different strings. Nil for anything else.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 24 || bytes.count == 27 else { return nil }
        func at(_ index: Int, _ character: Unicode.Scalar) -> Bool { bytes[index] == UInt8(ascii: character) }
        guard at(4, "-"), at(7, "-"), at(10, "T"), at(13, ":"), at(16, ":"), at(19, "."),
              bytes.last == UInt8(ascii: "Z"),
              let year = ASCIIDigits.value(bytes[0..<4]), let month = ASCIIDigits.value(bytes[5..<7]),
              let day = ASCIIDigits.value(bytes[8..<10]), let hour = ASCIIDigits.value(bytes[11..<13]),
              let minute = ASCIIDigits.value(bytes[14..<16]), let second = ASCIIDigits.value(bytes[17..<19]),
              let fraction = ASCIIDigits.value(bytes[20..<(bytes.count - 1)]),
              let time = CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute,
                                       second: second, microsecond: bytes.count == 24 ? fraction * 1000 : fraction)
        else { return nil }
        self.init(microsecondsSince1970: time.microsecondsSince1970AsUTC)
    }
}
