import KansliArguments
import KansliProtocol

/// Applies the options of an `update` command to a record just fetched from the registry.
///
/// The registry's update methods replace the whole record, so the CLI gets it, changes the fields
/// whose options were given, and sends it back: an option left out keeps its field, and an empty
/// value (`--note=`) clears an optional one. An update that changes nothing is refused.
struct RegistryRecordEdit {
    /// The command being run.
    let context: CLIContext
    /// The options applied so far.
    private(set) var applied: [String] = []

    init(_ context: CLIContext) {
        self.context = context
    }

    /// The text of `--option`, unless it was left out.
    private mutating func given(_ option: String) -> String? {
        guard let text = context.command.stringIfPresent(option) else { return nil }
        applied.append(option)
        return text
    }

    /// A required text field; it cannot be cleared.
    mutating func text(_ option: String, _ field: inout String) throws {
        guard let text = given(option) else { return }
        guard !text.isEmpty else { throw context.usageError("--\(option): cannot be empty") }
        field = text
    }

    /// A person reference: an id, or a name the registry is asked for (`CLIContext.personID`).
    mutating func person(_ option: String, _ field: inout String, in committee: String) throws {
        guard let text = given(option) else { return }
        field = try context.personID(text, in: committee, field: option)
    }

    /// A party reference: a code, a name or an organisationsnummer (`CLIContext.partyCode`).
    mutating func party(_ option: String, _ field: inout String, in committee: String) throws {
        guard let text = given(option) else { return }
        field = try context.partyCode(text, in: committee, field: option)
    }

    /// An optional text field; an empty value clears it.
    mutating func text(_ option: String, _ field: inout String?) {
        guard let text = given(option) else { return }
        field = text.isEmpty ? nil : text
    }

    /// A required field parsed from its text by `parse`, which names the option in its errors.
    mutating func value<Value>(_ option: String, _ field: inout Value, _ parse: (String) throws -> Value) throws {
        guard let text = given(option) else { return }
        field = try parse(text)
    }

    /// An optional field parsed by `parse`; an empty value clears it.
    mutating func value<Value>(_ option: String, _ field: inout Value?, _ parse: (String) throws -> Value) throws {
        guard let text = given(option) else { return }
        field = text.isEmpty ? nil : try parse(text)
    }

    /// A required choice among the raw values of `Choice` (`kommun`, `region` …).
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ option: String, _ field: inout Choice) throws
    where Choice.RawValue == String {
        try value(option, &field) { [context] in try context.choice($0, option: option, as: Choice.self) }
    }

    /// A mistake in the options of the command being run.
    func usageError(_ message: String) -> ArgumentError {
        context.usageError(message)
    }

    /// A required date.
    mutating func date(_ option: String, _ field: inout CalendarDate) throws {
        try value(option, &field) { [context] in try context.calendarDate($0, option: option) }
    }

    /// An optional date; an empty value clears it.
    mutating func date(_ option: String, _ field: inout CalendarDate?) throws {
        try value(option, &field) { [context] in try context.calendarDate($0, option: option) }
    }

    /// `--from` and `--to` of `RegistryCommands.spanOptions`: a record's first and last day.
    mutating func span(_ from: inout CalendarDate, _ to: inout CalendarDate) throws {
        try date("from", &from)
        try date("to", &to)
    }

    /// `--from` and `--to` of a record that may be open-ended; `--to=` opens it.
    mutating func span(_ from: inout CalendarDate, _ to: inout CalendarDate?) throws {
        try date("from", &from)
        try date("to", &to)
    }

    /// An integer within `range`.
    mutating func int(_ option: String, _ field: inout Int, in range: ClosedRange<Int>) throws {
        guard let number = try context.command.intIfPresent(option, in: range) else { return }
        applied.append(option)
        field = number
    }

    /// A list of texts from a repeatable option: given at all, its values replace the list (empty
    /// values are dropped, so a single `--note=` clears it).
    mutating func texts(_ option: String, _ field: inout [String]) {
        let values = context.command.strings(option)
        guard !values.isEmpty else { return }
        applied.append(option)
        field = values.filter { !$0.isEmpty }
    }

    /// An optional integer within `range` (it cannot be cleared; the caller decides what replaces it).
    mutating func int(_ option: String, _ field: inout Int?, in range: ClosedRange<Int>) throws {
        guard let number = try context.command.intIfPresent(option, in: range) else { return }
        applied.append(option)
        field = number
    }

    /// A yes-or-no field stored as true or absent: `--flag` sets it, `--no-flag` clears it.
    mutating func optionalFlag(_ flag: String, _ field: inout Bool?) throws {
        let (on, off) = (context.command.flag(flag), context.command.flag("no-\(flag)"))
        if on && off { throw usageError("--\(flag) and --no-\(flag) contradict each other") }
        if on { applied.append(flag); field = true }
        if off { applied.append("no-\(flag)"); field = nil }
    }

    /// Sets `field` to `value` when the flag `--flag` was given.
    mutating func flag(_ flag: String, _ field: inout Bool, to value: Bool) {
        guard context.command.flag(flag) else { return }
        applied.append(flag)
        field = value
    }

    /// Refuses an update that changes nothing, listing what it could change.
    func requireChange() throws {
        guard applied.isEmpty else { return }
        let own = context.command.command
        // `--revision` says which version to change, not what to change.
        let names = (own.options.map(\.name) + own.flags.map(\.name)).filter { $0 != "revision" }.map { "--\($0)" }
        throw context.usageError("nothing to change: give at least one of \(names.joined(separator: ", "))",
                                 code: .missingOption)
    }
}
