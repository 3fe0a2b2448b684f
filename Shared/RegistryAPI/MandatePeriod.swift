import KansliPlatform
import KansliProtocol

/// A term of office (*mandatperiod*): whole calendar years, usually four, such as 2019–2022 or
/// 2023–2026. Appointments to a committee are made for a mandate period and end with it at the
/// latest.
///
/// It travels as the text `2019-2022` (an en dash is accepted when parsing).
public struct MandatePeriod: Hashable, Sendable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The longest period in years. Swedish terms have been four years since 1994 (three before).
    public static let maxYears = 4

    /// The first and last year of the period.
    public let startYear: Int
    /// The last year of the period (inclusive).
    public let endYear: Int

    /// A period, or a `FormatError` when the years are out of order, outside 1900–2999 or span
    /// more than four years.
    public init(startYear: Int, endYear: Int) throws(FormatError) {
        guard (1900...2999).contains(startYear), (1900...2999).contains(endYear) else {
            throw FormatError("a mandate period's years must lie in 1900–2999, got \(startYear)-\(endYear)")
        }
        guard startYear <= endYear, endYear - startYear < MandatePeriod.maxYears else {
            throw FormatError(
                "a mandate period runs from its first to its last year, at most \(MandatePeriod.maxYears) "
                    + "years, e.g. 2019-2022; got \(startYear)-\(endYear)")
        }
        self.startYear = startYear
        self.endYear = endYear
    }

    /// Parses `2019-2022` (or `2019–2022`).
    public init(parsing text: String) throws(FormatError) {
        let parts = text.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, parts.allSatisfy({ $0.utf8.count == 4 }),
            let start = Int(parts[0]), let end = Int(parts[1])
        else {
            throw FormatError("\(ServiceError.quote(text)) is not a mandate period: expected YYYY-YYYY, e.g. 2019-2022")
        }
        try self.init(startYear: start, endYear: end)
    }

    /// Parses `text`, or nil when it is not a valid mandate period.
    public init?(_ description: String) {
        guard let value = try? MandatePeriod(parsing: description) else { return nil }
        self = value
    }

    /// 1 January of the first year.
    public var firstDay: CalendarDate { CalendarDate(year: startYear, month: 1, day: 1)! }
    /// 31 December of the last year.
    public var lastDay: CalendarDate { CalendarDate(year: endYear, month: 12, day: 31)! }
    /// The period as a span of days.
    public var span: DateSpan { DateSpan(from: firstDay, to: lastDay) }

    /// `2019-2022`.
    public var description: String { "\(startYear)-\(endYear)" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try MandatePeriod(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension MandatePeriod {
    /// Whether the period is a term of office that follows a general election: four years from
    /// the January after an election year. Since 1994 the elections fall every four years (1994,
    /// 1998 … 2018, 2022), so the terms begin in 1995, 1999 … 2019, 2023.
    public var isElectionTerm: Bool {
        endYear - startYear == MandatePeriod.maxYears - 1 && startYear >= 1995 && (startYear - 1995) % 4 == 0
    }

    /// The election term that contains `year` (from 1995), e.g. 2019–2022 for 2021.
    public static func electionTerm(containing year: Int) -> MandatePeriod? {
        guard (1995...2998).contains(year) else { return nil }
        let start = year - (year - 1995) % 4
        return try? MandatePeriod(startYear: start, endYear: start + 3)
    }
}
