import FinanceAPI
import KansliProtocol

/// The rules a budget must keep before it is stored, as pure functions. What needs the
/// registry (parties, keys) is checked by the allocation engine.
enum BudgetRules {
    /// The most lines a budget may have.
    static let maximumLines = 200
    /// The most rows a per-party table or participant list may have.
    static let maximumRows = 1_000
    /// The longest name, reason or note, in characters.
    static let maximumTextLength = 2_000
    /// The longest object code.
    static let maximumObjectCodeLength = 32

    /// Checks a committee code before it is sent to the registry.
    static func check(committee: String) throws {
        guard !committee.isEmpty, committee.utf8.count <= 16 else {
            throw ServiceError.validation("the committee code must have 1 to 16 characters", field: "committee")
        }
    }

    /// Checks a committee code and a year.
    static func check(committee: String, year: Int) throws {
        try check(committee: committee)
        guard (1900...2200).contains(year) else {
            throw ServiceError.validation("the year \(year) must lie between 1900 and 2200", field: "year")
        }
    }

    /// Checks a set of lines: bounded, object codes well formed and unique, names present,
    /// amounts within the limit and whole units, VAT reasons given, tables bounded.
    static func check(lines: [BudgetLine]) throws {
        guard lines.count <= maximumLines else {
            throw ServiceError.validation("a budget has at most \(maximumLines) lines, not \(lines.count)", field: "lines")
        }
        var codes = Set<String>()
        var names = Set<String>()
        for line in lines {
            let code = line.objectCode
            guard !code.isEmpty, code.utf8.count <= maximumObjectCodeLength,
                  code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
            else {
                throw ServiceError.validation("the object code \(ServiceError.quote(code)) must be 1 to \(maximumObjectCodeLength) letters, digits, '-', '_' or '.'", field: "lines.objectCode")
            }
            guard codes.insert("\(line.direction.rawValue) \(code)").inserted else {
                throw ServiceError.validation("the object code \(ServiceError.quote(code)) is used by two \(line.direction.rawValue) lines", field: "lines.\(code).objectCode")
            }
            guard !line.name.isEmpty, line.name.count <= maximumTextLength else {
                throw ServiceError.validation("\(AllocationRefusal.label(line)): the name must have 1 to \(maximumTextLength) characters", field: "lines.\(code).name")
            }
            // A table that lists the same line twice (seed 002's project table has "Projekt
            // Elevhälsan" twice) would count it twice.
            guard names.insert("\(line.direction.rawValue) \(line.name.lowercased())").inserted else {
                throw ServiceError.validation("\(AllocationRefusal.label(line)): \(line.direction == .income ? "an income" : "a cost") line named \(ServiceError.quote(line.name)) is listed twice", field: "lines.\(code).name")
            }
            guard (line.note ?? "").count <= maximumTextLength else {
                throw ServiceError.validation("\(AllocationRefusal.label(line)): the note is longer than \(maximumTextLength) characters", field: "lines.\(code).note")
            }
            guard line.vat.isComplete else {
                throw ServiceError.validation("\(AllocationRefusal.label(line)): VAT \(line.vat.rate.rawValue) needs a reason", field: "lines.\(code).vat")
            }
            guard (line.participants?.count ?? 0) <= maximumRows, (line.model.table?.rows.count ?? 0) <= maximumRows,
                  (line.model.connections?.count ?? 0) <= maximumRows else {
                throw ServiceError.validation("\(AllocationRefusal.label(line)): a list has more than \(maximumRows) rows", field: "lines.\(code)")
            }
            try AllocationEngine.checkAmount(line)
        }
    }

    /// Checks a version's reason.
    static func check(reason: String) throws {
        guard !reason.isEmpty, reason.count <= maximumTextLength else {
            throw ServiceError.validation("a new version needs a reason of 1 to \(maximumTextLength) characters", field: "reason")
        }
    }
}
