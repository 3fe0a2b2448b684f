import KansliArguments
import KansliProtocol
import RegistryAPI

// What the record kinds share: the committee argument, id and date options, the filters of the
// `…list` methods, and the `create`, `list`, `get`, `update` and `end` commands, which work the
// same way for every kind.
extension RegistryCommands {
    /// `<committee>`, the first argument of every command that works on one committee.
    static let committeeArgument = PositionalSpec("committee", help: "The committee's code, e.g. NBE.")

    /// An option whose value is a date `yyyy-MM-dd`.
    static func dateOption(_ name: String, _ occurrence: Occurrence = .optional, help: String) -> OptionSpec {
        OptionSpec(name, value: "date", occurrence, help: help)
    }

    /// An option whose value is a record id or code.
    static func idOption(_ name: String, _ occurrence: Occurrence = .optional, help: String) -> OptionSpec {
        OptionSpec(name, value: "id", occurrence, help: help)
    }

    /// An option naming a person: their id or their name.
    static func personOption(_ name: String, _ occurrence: Occurrence = .optional, help: String) -> OptionSpec {
        OptionSpec(name, value: "person", occurrence, help: help + ": an id (isak-utsi) or a name (\"Isak Utsi\").")
    }

    /// An option naming a party: its code, name or organisationsnummer.
    static func partyOption(_ name: String, _ occurrence: Occurrence = .optional, help: String) -> OptionSpec {
        OptionSpec(name, value: "party", occurrence,
                   help: help + ": a code (boden), a name (\"Bodens kommun\", Boden) or an organisationsnummer.")
    }

    /// `--id` of the create commands: the registry makes one when it is left out.
    static func newIDOption(example: String) -> OptionSpec {
        idOption("id", help: "The id to give the record (default: made by the registry, e.g. \(example)).")
    }

    /// `--from` and `--to`, the first and last day of a record. When `creating`, `--from` is
    /// required unless the registry has a default for it, and the help names the defaults.
    static func spanOptions(creating: Bool, from fromDefault: String? = nil, to toDefault: String? = nil) -> [OptionSpec] {
        func help(_ day: String, _ fallback: String?) -> String {
            guard creating, let fallback else { return "The \(day) day." }
            return "The \(day) day (default: \(fallback))."
        }
        return [dateOption("from", creating && fromDefault == nil ? .required : .optional, help: help("first", fromDefault)),
                dateOption("to", help: help("last", toDefault))]
    }

    /// A filter of the `…list` methods (`ListRequest`); each list accepts the ones it declares.
    enum ListFilter {
        case on
        case party
        case person

        var option: OptionSpec {
            switch self {
            case .on: RegistryCommands.dateOption("on", help: "Only records that hold on this day.")
            case .party: RegistryCommands.partyOption("party", help: "Only records of this party")
            case .person: RegistryCommands.personOption("person", help: "Only records of this person")
            }
        }
    }

    /// `<name> <committee> [options]`: makes the request from the options, sends it, and prints one
    /// line naming the new record (`confirm` gets the record and the committee's code).
    static func create<Request, Record: Encodable>(
        _ name: String, _ method: Method<Request, Record>, abstract: String, discussion: String = "",
        options: [OptionSpec], flags: [FlagSpec] = [], request: @escaping (CLIContext, String) throws -> Request,
        confirm: @escaping (Record, String) -> String
    ) -> Subcommand {
        let spec = CommandSpec(name, abstract: abstract, discussion: discussion, options: options, flags: flags,
                               positionals: [committeeArgument])
        return Subcommand(spec: spec) { context in
            let committee = try context.committee
            let record = try context.registry(method, try request(context, committee))
            try context.show(record) { confirm($0, committee) }
        }
    }

    /// `list <committee> [filters]`: a table with one row per record, or the list as JSON.
    static func list<Record: Encodable>(
        _ method: Method<ListRequest, [Record]>, plural: String, filters: [ListFilter], columns: [String],
        row: @escaping (Record) -> [String]
    ) -> Subcommand {
        let spec = CommandSpec("list", abstract: "Lists the \(plural) of a committee.",
                               options: filters.map(\.option), positionals: [committeeArgument])
        return Subcommand(spec: spec) { context in
            let request = ListRequest(
                committee: try context.committee,
                on: filters.contains(.on) ? try context.dateIfPresent("on") : nil,
                party: filters.contains(.party) ? try context.partyOption("party", in: try context.committee) : nil,
                person: filters.contains(.person) ? try context.personOption("person", in: try context.committee) : nil)
            let records = try context.registry(method, request)
            try context.show(records) { RegistryText.table(columns, $0.map(row), empty: "No \(plural).") }
        }
    }

    /// `get <committee> <id>`: one record, as text or JSON.
    static func get<Record: Encodable>(
        _ method: Method<RecordRef, Record>, kind: String, argument: PositionalSpec,
        render: @escaping (Record) -> String
    ) -> Subcommand {
        let spec = CommandSpec("get", abstract: "Shows one \(kind).", positionals: [committeeArgument, argument])
        return Subcommand(spec: spec) { context in
            let record = try context.registry(method, RecordRef(committee: try context.committee, id: try context.recordID))
            try context.show(record, render)
        }
    }

    /// `end <committee> <id> --last-day DATE` (or another option naming the last day): shortens a
    /// record; the registry keeps it as history.
    static func end<Record: Encodable>(
        _ method: Method<EndRequest, Record>, kind: String, argument: PositionalSpec,
        lastDay: OptionSpec = dateOption("last-day", .required, help: "The last day it holds (inclusive).")
    ) -> Subcommand {
        let spec = CommandSpec("end", abstract: "Ends a \(kind) after a given day; its history is kept.",
                               options: [lastDay], positionals: [committeeArgument, argument])
        return Subcommand(spec: spec) { context in
            let (committee, id) = (try context.committee, try context.recordID)
            let day = try context.date(lastDay.name)
            let record = try context.registry(method, EndRequest(committee: committee, id: id, lastDay: day))
            try context.show(record) { _ in "\(kind.prefix(1).uppercased() + kind.dropFirst()) \(id) of \(committee) ends after \(day)." }
        }
    }

    /// `update <committee> [<id>] [options]`: loads the record, lets `edit` change the fields whose
    /// options were given, and stores the whole record again (the registry's updates replace it).
    /// Without `argument` the record is the committee itself.
    static func update<Record: Encodable, Request>(
        _ method: Method<Request, Record>, kind: String, argument: PositionalSpec?, options: [OptionSpec],
        flags: [FlagSpec] = [], load: @escaping (CLIContext, RecordRef) throws -> Record,
        edit: @escaping (inout Record, inout RegistryRecordEdit) throws -> Void,
        request: @escaping (String, Record) -> Request
    ) -> Subcommand {
        replacingUpdate(method, kind: kind, argument: argument, options: options, flags: flags, load: load, edit: edit,
                        request: request)
    }

    /// `--revision` of the updates of records that carry one.
    static let revisionOption = OptionSpec(
        "revision", value: "number",
        help: "Change the record only if it is still at this revision (what get showed); by default the revision "
            + "this command reads. Refused with a conflict naming who changed it, and when, if it has changed since.")

    /// `update` of a record that carries its revision: the record goes back with the revision it
    /// was read at (or `--revision`), so that a write by someone else in between is refused as a
    /// `conflict` rather than silently overwritten.
    static func update<Record: Encodable & RevisedRecord, Request>(
        _ method: Method<Request, Record>, kind: String, argument: PositionalSpec?, options: [OptionSpec],
        flags: [FlagSpec] = [], load: @escaping (CLIContext, RecordRef) throws -> Record,
        edit: @escaping (inout Record, inout RegistryRecordEdit) throws -> Void,
        request: @escaping (String, Record) -> Request
    ) -> Subcommand {
        replacingUpdate(method, kind: kind, argument: argument, options: options + [revisionOption], flags: flags,
                        load: load,
                        edit: { record, changes in
                            if let revision = try changes.context.command.intIfPresent("revision", in: 1...Int.max) {
                                record.revision = revision
                            }
                            try edit(&record, &changes)
                        },
                        request: request)
    }

    private static func replacingUpdate<Record: Encodable, Request>(
        _ method: Method<Request, Record>, kind: String, argument: PositionalSpec?, options: [OptionSpec],
        flags: [FlagSpec], load: @escaping (CLIContext, RecordRef) throws -> Record,
        edit: @escaping (inout Record, inout RegistryRecordEdit) throws -> Void,
        request: @escaping (String, Record) -> Request
    ) -> Subcommand {
        let spec = CommandSpec("update", abstract: "Changes fields of a \(kind); the others keep their values.",
                               options: options, flags: flags, positionals: [committeeArgument] + (argument.map { [$0] } ?? []))
        return Subcommand(spec: spec) { context in
            let committee = try context.committee
            let id = argument == nil ? committee : try context.recordID
            var record = try load(context, RecordRef(committee: committee, id: id))
            var changes = RegistryRecordEdit(context)
            try edit(&record, &changes)
            try changes.requireChange()
            let stored = try context.registry(method, request(committee, record))
            let changed = changes.applied.map { "--\($0)" }.joined(separator: ", ")
            try context.show(stored) { _ in
                "Updated \(kind) \(id)\(argument == nil ? "" : " of \(committee)"): changed \(changed)."
            }
        }
    }
}
