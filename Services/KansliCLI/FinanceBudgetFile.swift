import FinanceAPI
import Foundation
import KansliProtocol

/// A budget file: one committee's budgets as people write them, amounts in kronor as text
/// (`"1 127 000"`), read by `kansli finance import` (README, "Finance", describes it). What the
/// source does not give is said in `notes` and in each line's `note`, never left silent.
public struct FinanceBudgetFile: Codable, Equatable {
    /// The format's version: 1.
    var formatVersion: Int
    /// The committee's code.
    var committee: String
    /// Where the figures come from and what is assumed.
    var notes: [String]?
    /// The budgets, in the order they are imported (a line that follows another year's line
    /// needs that year first).
    var budgets: [FileBudget]

    /// One budget.
    struct FileBudget: Codable, Equatable {
        var year: Int
        var note: String?
        /// Where it was adopted, if it was.
        var adoption: FileAdoption?
        var lines: [FileLine]
    }

    /// `{"protocolDate": "2022-06-22", "paragraph": 12}`.
    struct FileAdoption: Codable, Equatable {
        var protocolDate: String
        var paragraph: Int
        var justeratOn: String?
    }

    /// One line; optional fields take BudgetLine's defaults.
    struct FileLine: Codable, Equatable {
        var objectCode: String
        var name: String
        /// `income` (default) or `cost`.
        var direction: String?
        /// Kronor as text: `"1 127 000"`, `"79 585,47"`.
        var amount: String
        /// The rounding unit in kronor as text; `"100"` by default.
        var unit: String?
        /// `25`, `6`, `0` or `outside` (default, with the reason of cost sharing).
        var vat: String?
        var vatReason: String?
        /// The model: equal, key, mix, proportional, fixed, usage, days-connected.
        var model: String
        /// `{"kind": "population", "year": 2022}`.
        var key: AllocationKey?
        /// A mix's equal part: `"1/2"`.
        var equalPart: String?
        /// Rows `[party, value]`: kronor as text for `fixed`, plain numbers (spaces allowed) for
        /// weights and quantities.
        var table: [[String]]?
        /// The total the source states for the table (kronor or number as text).
        var tableTotal: String?
        var tableSource: String?
        /// Another line to follow: `{"year": 2022, "objectCode": "VU-ETJ"}`.
        var sourceLine: LineReference?
        /// `days-connected`: the period and the connections (else the budget year and membership).
        var period: Period?
        var connections: [PartyPeriod]?
        var participants: [String]?
        /// `total` (default) or `shares`.
        var indexation: String?
        /// Whether the line is allocated; true for income, false for cost by default.
        var allocated: Bool?
        var note: String?
    }

    /// The largest budget file read (a budget of 200 lines over 300 parties is well under).
    static let maximumBytes = 4 * 1024 * 1024

    /// Decodes a file's JSON.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(FinanceBudgetFile.self, from: jsonData)
    }

    /// The budgets as `BudgetCreate` requests with their adoptions; errors name the line and field.
    public func requests() throws -> [(create: BudgetCreate, adoption: Adoption?)] {
        guard formatVersion == 1 else {
            throw ServiceError.validation("the budget file's formatVersion is \(formatVersion); this kansli reads 1", field: "formatVersion")
        }
        return try budgets.enumerated().map { index, budget in
            let lines = try budget.lines.enumerated().map { try $0.element.line(at: "budgets[\(index)].lines[\($0.offset)]") }
            var adoption: Adoption?
            if let given = budget.adoption {
                guard let date = CalendarDate(given.protocolDate) else {
                    throw ServiceError.validation("budgets[\(index)].adoption.protocolDate: expected yyyy-MM-dd", field: "budgets[\(index)].adoption")
                }
                let justerat = try given.justeratOn.map { text -> CalendarDate in
                    guard let day = CalendarDate(text) else {
                        throw ServiceError.validation("budgets[\(index)].adoption.justeratOn: expected yyyy-MM-dd", field: "budgets[\(index)].adoption")
                    }
                    return day
                }
                adoption = Adoption(protocolDate: date, paragraph: given.paragraph, justeratOn: justerat)
            }
            return (BudgetCreate(committee: committee, year: budget.year, lines: lines, note: budget.note), adoption)
        }
    }
}

extension FinanceBudgetFile.FileLine {
    /// The line as the protocol carries it.
    func line(at path: String) throws -> BudgetLine {
        func bad(_ field: String, _ problem: String) -> ServiceError {
            .validation("\(path) (\(objectCode)).\(field): \(problem)", field: "\(path).\(field)")
        }
        func money(_ text: String, _ field: String) throws -> Money {
            guard let value = Money(parsing: text) else { throw bad(field, "expected kronor such as \"1 127 000\", got \(ServiceError.quote(text))") }
            return value
        }
        func number(_ text: String, _ field: String) throws -> Int64 {
            guard let value = Int64(text.filter { $0 != " " && $0 != "\u{00A0}" }) else {
                throw bad(field, "expected a whole number, got \(ServiceError.quote(text))")
            }
            return value
        }
        guard let kind = AllocationModelKind(rawValue: model) else {
            throw bad("model", "expected one of \(AllocationModelKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let lineDirection = try direction.map { text -> LineDirection in
            guard let value = LineDirection(rawValue: text) else { throw bad("direction", "expected income or cost") }
            return value
        } ?? .income
        var treatment = VATTreatment(rate: .outsideScope, reason: vatReason ?? "cost sharing between the parties under the cooperation agreement")
        if let vat {
            guard let rate = VATRate(rawValue: vat) else { throw bad("vat", "expected 25, 6, 0 or outside") }
            treatment = VATTreatment(rate: rate, reason: vatReason)
        }
        var table: PartyTable?
        if let rows = self.table {
            let parsed = try rows.enumerated().map { index, row -> PartyAmount in
                guard row.count == 2 else { throw bad("table[\(index)]", "expected [party, value]") }
                let value = kind == .fixed ? try money(row[1], "table[\(index)]").ore : try number(row[1], "table[\(index)]")
                return PartyAmount(party: row[0], value: value)
            }
            let stated = try tableTotal.map { kind == .fixed ? try money($0, "tableTotal").ore : try number($0, "tableTotal") }
            table = stated.map { PartyTable(rows: parsed, statedTotal: $0, source: tableSource) }
                ?? PartyTable(rows: parsed, source: tableSource)
        }
        let part = try equalPart.map { text -> Fraction in
            guard let value = Fraction(parsing: text) else { throw bad("equalPart", "expected a fraction such as \"1/2\"") }
            return value
        }
        let base = try indexation.map { text -> IndexationBase in
            guard let value = IndexationBase(rawValue: text) else { throw bad("indexation", "expected total or shares") }
            return value
        } ?? .total
        return BudgetLine(objectCode: objectCode, name: name, direction: lineDirection, amount: try money(amount, "amount"),
                          vat: treatment, unit: try money(unit ?? "100", "unit"), participants: participants,
                          model: AllocationModel(kind: kind, key: key, equalPart: part, table: table, sourceLine: sourceLine,
                                                 period: period, connections: connections),
                          indexation: base, allocated: allocated ?? (lineDirection == .income), note: note)
    }
}
