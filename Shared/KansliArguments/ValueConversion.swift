import KansliPlatform

/// Turns option text into typed values. A failure says what was expected, so the caller can build
/// one message format for every type.
enum ValueConversion {
    /// A decimal integer within `range`.
    static func integer(_ text: String, in range: ClosedRange<Int>) -> Result<Int, Expectation> {
        let expected = Expectation("an integer" + describe(
            lower: range.lowerBound == .min ? nil : String(range.lowerBound),
            upper: range.upperBound == .max ? nil : String(range.upperBound)))
        guard let value = Int(text), range.contains(value) else { return .failure(expected) }
        return .success(value)
    }

    /// A finite decimal number (digits, an optional sign and point, no exponent) within `range`.
    static func number(_ text: String, in range: ClosedRange<Double>) -> Result<Double, Expectation> {
        let expected = Expectation("a number" + describe(
            lower: range.lowerBound == -.greatestFiniteMagnitude ? nil : format(range.lowerBound),
            upper: range.upperBound == .greatestFiniteMagnitude ? nil : format(range.upperBound)))
        let allowed = Set("0123456789.+-")
        guard text.allSatisfy(allowed.contains), let value = Double(text), value.isFinite,
              range.contains(value) else { return .failure(expected) }
        return .success(value)
    }

    /// An ISO 8601 calendar date `yyyy-MM-dd` that exists in the Gregorian calendar.
    static func date(_ text: String) -> Result<CivilDate, Expectation> {
        let expected = Expectation("a date as yyyy-MM-dd")
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1, (1...12).contains(month), day >= 1 else { return .failure(expected) }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let length = CivilDate.daysIn(month: month, year: year)
            return .failure(Expectation(expected.text, note: "\(monthNames[month - 1]) \(year) has \(length) days"))
        }
        return .success(date)
    }

    /// What a value should have been, and optionally why it was not.
    struct Expectation: Error, Sendable, Hashable {
        let text: String
        let note: String?

        init(_ text: String, note: String? = nil) {
            self.text = text
            self.note = note
        }
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"]

    /// " between 0 and 65535", " of at least 1", " of at most 9", or "" without bounds.
    private static func describe(lower: String?, upper: String?) -> String {
        switch (lower, upper) {
        case (nil, nil): ""
        case (nil, let upper?): " of at most \(upper)"
        case (let lower?, nil): " of at least \(lower)"
        case (let lower?, let upper?): " between \(lower) and \(upper)"
        }
    }

    /// `5` for 5.0, `0.25` for 0.25.
    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
