import FinanceAPI
import KansliPlatform
import KansliProtocol

/// Reads outcome entries from a CSV export of the host's ledger: semicolons between fields, a
/// header row naming the columns `objekt` (object code), `period` (`2022-05` for a month, or
/// `2022-01-01..2022-05-31`) and `belopp` (kronor, decimal comma or point, spaces between
/// thousands), and optionally `typ` (`intäkt` or `kostnad`; the direction of the only budget line
/// with the code when absent). A byte-order mark, blank lines and CRLF line ends are accepted.
/// Errors name the row (counting the header as row 1) and the column.
enum OutcomeCSV {
    /// The largest CSV accepted.
    static let maximumBytes = 4 << 20

    static func entries(_ text: String, budget: Budget, source: String) throws -> [OutcomeEntry] {
        guard text.utf8.count <= maximumBytes else {
            throw ServiceError(.tooLarge, "the CSV is larger than \(maximumBytes >> 20) MiB", field: "csv")
        }
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let rows = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let headerRow = rows.first else { throw ServiceError.validation("the CSV is empty", field: "csv") }
        let header = headerRow.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace().lowercased() }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let code = column("objekt"), let period = column("period"), let amount = column("belopp") else {
            throw ServiceError.validation("the CSV's header must name the columns objekt, period and belopp (and optionally typ), separated by semicolons", field: "csv.rows[1]")
        }
        let kind = column("typ")
        var entries: [OutcomeEntry] = []
        for (index, row) in rows.enumerated().dropFirst() where !String(row).trimmingWhitespace().isEmpty {
            let place = "csv.rows[\(index + 1)]"
            let fields = row.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard fields.count == header.count else {
                throw ServiceError.validation("row \(index + 1) has \(fields.count) fields, the header \(header.count)", field: place)
            }
            let objectCode = fields[code]
            let direction: LineDirection
            if let kind, !fields[kind].isEmpty {
                switch fields[kind].lowercased() {
                case "intäkt", "income": direction = .income
                case "kostnad", "cost": direction = .cost
                default:
                    throw ServiceError.validation("row \(index + 1): typ must be intäkt or kostnad, not \(ServiceError.quote(fields[kind]))", field: "\(place).typ")
                }
            } else {
                let matching = budget.lines.filter { $0.objectCode == objectCode }
                guard matching.count == 1 else {
                    throw ServiceError.validation("row \(index + 1): object code \(ServiceError.quote(objectCode)) names \(matching.isEmpty ? "no" : "two") budget lines\(matching.isEmpty ? "" : "; say which with the typ column")", field: "\(place).objekt")
                }
                direction = matching[0].direction
            }
            guard let days = parsePeriod(fields[period]) else {
                throw ServiceError.validation("row \(index + 1): period \(ServiceError.quote(fields[period])) is neither a month (2022-05) nor two days (2022-01-01..2022-05-31)", field: "\(place).period")
            }
            guard let money = Money(parsing: fields[amount]) else {
                throw ServiceError.validation("row \(index + 1): \(ServiceError.quote(fields[amount])) is not an amount in kronor", field: "\(place).belopp")
            }
            entries.append(OutcomeEntry(objectCode: objectCode, direction: direction, period: days, amount: money, source: source))
        }
        return entries
    }

    /// `2022-05` (the whole month) or `2022-01-01..2022-05-31`.
    static func parsePeriod(_ text: String) -> Period? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true)
        if text.contains(".."), parts.count == 2, let from = CalendarDate(String(parts[0])), let to = CalendarDate(String(parts[1])) {
            return Period(from: from, to: to)
        }
        let pieces = text.split(separator: "-")
        guard text.utf8.count == 7, pieces.count == 2, let year = Int(pieces[0]), let month = Int(pieces[1]),
              let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        return Period(from: first, to: CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!)
    }
}
