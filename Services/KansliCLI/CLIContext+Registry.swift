import Foundation
import KansliArguments
import KansliPlatform
import KansliProtocol

// What the registry commands need beyond `CLIContext`: calls, the positional arguments every
// record command shares, values the parser does not type (calendar dates, choices), and printing
// a response as JSON or as text.
extension CLIContext {
    /// Calls `method` of the registry service. A write goes with the command's `--idempotency-key`
    /// if it was given; otherwise the client makes one key, which every retry of the call reuses.
    func registry<Request, Response>(_ method: Method<Request, Response>, _ request: Request) throws -> Response {
        try client("registry").call(method, request, idempotencyKey: method.access == .write ? try idempotencyKey : nil)
    }

    /// The 16 bytes of `--idempotency-key` (a UUID, with or without hyphens), or nil if the command
    /// has no such option or it was left out.
    var idempotencyKey: [UInt8]? {
        get throws {
            guard command.command.options.contains(where: { $0.name == "idempotency-key" }),
                let text = command.stringIfPresent("idempotency-key")
            else { return nil }
            let digits = text.filter { $0 != "-" }
            var bytes: [UInt8] = []
            var index = digits.startIndex
            while digits.count == 32, digits.allSatisfy(\.isHexDigit), index < digits.endIndex, let byte = UInt8(digits[index...].prefix(2), radix: 16) {
                bytes.append(byte)
                index = digits.index(index, offsetBy: 2)
            }
            guard bytes.count == 16, bytes.contains(where: { $0 != 0 }) else {
                throw usageError("--idempotency-key: expected a UUID (32 hexadecimal digits, hyphens allowed, not all "
                                     + "zero), got \(ServiceError.quote(text))")
            }
            return bytes
        }
    }

    /// The committee's code: the first argument of every registry command that names a committee.
    var committee: String {
        get throws { try command.positional(0) }
    }

    /// The record's code or id: the second argument of the commands that name one record. A
    /// person may be named by their name and a party by its name or organisationsnummer, as
    /// everywhere else (`personID`, `partyCode`).
    var recordID: String {
        get throws {
            let text = try command.positional(1)
            switch command.command.positionals.dropFirst().first?.name {
            case "person": return try personID(text, in: try committee, field: "person")
            case "party": return try partyCode(text, in: try committee, field: "party")
            default: return text
            }
        }
    }

    /// A mistake on the command line found after parsing (a date, a choice, a missing companion
    /// option); the caller throws it and `kansli` exits 64 with the usage line.
    func usageError(_ message: String, code: ArgumentError.Code = .invalidValue) -> ArgumentError {
        ArgumentError(code: code, message: message, command: (["kansli"] + command.path).joined(separator: " "),
                      usage: KansliCommandLine.spec.usage(for: command.path))
    }

    // MARK: Dates

    /// `text` as a calendar date; the error names `--option`.
    func calendarDate(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw usageError("--\(option): expected a date as yyyy-MM-dd, got \"\(text)\"")
        }
        return date
    }

    /// The value of `--name` as a calendar date, or nil if it was left out.
    func dateIfPresent(_ name: String) throws -> CalendarDate? {
        try command.stringIfPresent(name).map { try calendarDate($0, option: name) }
    }

    /// The value of a required (or defaulted) `--name` as a calendar date.
    func date(_ name: String) throws -> CalendarDate {
        try calendarDate(try command.string(name), option: name)
    }

    /// The value of `--name` as a calendar date, or today in Swedish time if it was left out.
    func dateOrToday(_ name: String) throws -> CalendarDate {
        try dateIfPresent(name) ?? CLIContext.today()
    }

    /// The value of `--name` as a date, or today in Sweden on `service`'s clock (which a demo may
    /// have set) when it is left out.
    func dateOrServiceToday(_ name: String, service: String = "documents") throws -> CalendarDate {
        if let date = try dateIfPresent(name) { return date }
        return CalendarDate.today(at: try client(service).call(CommonMethods.clock, Empty()).now)
    }

    /// The positional argument at `index` as a year (1900–2200), the error naming `<year>`.
    func positionalYear(_ index: Int) throws -> Int {
        let text = try command.positional(index)
        guard let year = Int(text), (1900...2200).contains(year) else {
            throw usageError("<year>: expected a year such as 2023, got \"\(text)\"")
        }
        return year
    }

    /// Today's date in Sweden (Europe/Stockholm), where Kansli's dates are calendar days.
    static func today(now: Timestamp = .now()) -> CalendarDate {
        CalendarDate.today(at: now)
    }

    // MARK: Choices and formats

    /// `text` as one of the values `parse` accepts; the error names `--option` and lists `expected`.
    func choice<Value>(_ text: String, option: String, expected: [String], _ parse: (String) -> Value?) throws -> Value {
        guard let value = parse(text) else {
            throw usageError("--\(option): expected one of \(expected.joined(separator: ", ")), got \"\(text)\"")
        }
        return value
    }

    /// `text` as a case of `Choice`, by its raw value.
    func choice<Choice: RawRepresentable & CaseIterable>(_ text: String, option: String, as type: Choice.Type) throws
        -> Choice where Choice.RawValue == String
    {
        try choice(text, option: option, expected: Choice.allCases.map(\.rawValue), Choice.init(rawValue:))
    }

    /// The value of `--name` as a case of `Choice`, or nil if it was left out.
    func choiceIfPresent<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws
        -> Choice? where Choice.RawValue == String
    {
        try command.stringIfPresent(name).map { try choice($0, option: name, as: type) }
    }

    /// `text` converted by a parser of the registry's formats (`MandatePeriod(parsing:)` …), its
    /// message prefixed with `--option`.
    func formatted<Value>(_ text: String, option: String, _ parse: (String) throws -> Value) throws -> Value {
        do {
            return try parse(text)
        } catch {
            throw usageError("--\(option): \(error)")
        }
    }

    // MARK: Printing

    /// Prints `value` as JSON under `--json`, else the text `render` makes of it: a table after a
    /// read, one line naming the record after a write.
    func show<Value: Encodable>(_ value: Value, _ render: (Value) -> String) throws {
        if json {
            try printJSON(value)
        } else {
            output.line(render(value))
        }
    }
}
