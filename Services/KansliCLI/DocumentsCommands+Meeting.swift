import DocumentsAPI
import Foundation
import KansliArguments
import KansliProtocol

// `kansli documents meeting create|update|show|list` and `kansli documents attendance set`.
extension DocumentsCommands {
    static let agendaOption = OptionSpec(
        "agenda", value: "file", help: "A JSON array of agenda items (docs/meeting-file-format.md, \"agenda\").")

    static var meetingGroup: CommandGroup {
        kind("meeting", abstract: "Meetings of a committee's year plan: time, place and agenda.", [
            Subcommand(spec: CommandSpec(
                "create", abstract: "Adds a meeting to the committee's year plan.",
                options: [OptionSpec("start", value: "HH:mm", .required, help: "When it starts, e.g. 13:00."),
                          OptionSpec("end", value: "HH:mm", help: "When it ends."),
                          OptionSpec("place", value: "text", .required, help: "Where, e.g. \"Teams\" or \"Kommunhuset, Luleå\"."),
                          agendaOption],
                positionals: meetingPositionals)) { context in
                let ref = try meetingRef(context)
                let request = MeetingCreate(committee: ref.committee, date: ref.date, startTime: try context.command.string("start"),
                                            endTime: context.command.stringIfPresent("end"), place: try context.command.string("place"),
                                            agenda: try agenda(context) ?? [])
                try context.show(try context.documents(DocumentsMethods.meetingCreate, request), DocumentsText.written)
            },
            Subcommand(spec: CommandSpec(
                "update", abstract: "Changes a meeting's time, place or agenda; what is not given stays.",
                options: [OptionSpec("start", value: "HH:mm", help: "When it starts."),
                          OptionSpec("end", value: "HH:mm", help: "When it ends."),
                          OptionSpec("place", value: "text", help: "Where."),
                          agendaOption],
                positionals: meetingPositionals)) { context in
                let ref = try meetingRef(context)
                let content = try context.documents(DocumentsMethods.meetingGet, ref).content
                let request = MeetingUpdate(meeting: ref, startTime: context.command.stringIfPresent("start") ?? content.startTime,
                                            endTime: context.command.stringIfPresent("end") ?? content.endTime,
                                            place: context.command.stringIfPresent("place") ?? content.place,
                                            agenda: try agenda(context) ?? content.agenda)
                try context.show(try context.documents(DocumentsMethods.meetingUpdate, request), DocumentsText.written)
            },
            Subcommand(spec: CommandSpec("show", abstract: "Shows a meeting: agenda, attendance, paragraphs with quorum, protocol.",
                                         positionals: meetingPositionals)) { context in
                try context.show(try context.documents(DocumentsMethods.meetingGet, try meetingRef(context)), DocumentsText.meeting)
            },
            Subcommand(spec: CommandSpec(
                "list", abstract: "Lists a committee's meetings by day.",
                options: [OptionSpec("year", value: "yyyy", help: "Only this year's.")],
                positionals: [committeeArgument])) { context in
                let request = MeetingListRequest(committee: try context.command.positional(0),
                                                 year: try context.command.intIfPresent("year", in: 1900...2200))
                try context.show(try context.documents(DocumentsMethods.meetingList, request), DocumentsText.meetings)
            },
        ])
    }

    /// The agenda items of `--agenda FILE`, or nil when it is not given.
    static func agenda(_ context: CLIContext) throws -> [AgendaItem]? {
        guard let path = context.command.stringIfPresent("agenda") else { return nil }
        return try InputFile.json(path, limit: MeetingFile.maximumBytes, kind: "a list of agenda items") {
            try JSONDecoder().decode([MeetingFile.FileAgendaItem].self, from: $0)
        }.map(\.item)
    }

    static var attendanceGroup: CommandGroup {
        kind("attendance", abstract: "Who attended, over the registry's composition on the meeting's day.", [
            Subcommand(spec: CommandSpec(
                "set", abstract: "Records the meeting's attendance, replacing what was recorded.",
                discussion: """
                    Every ledamot of the composition is present unless --absent. An ersättare
                    serves for a named absent ledamot of the same party (--substitute
                    johan-johansson=lena-goldkuhl, or for some paragraphs: =lena-goldkuhl@8-14,
                    @15-, @-12); one who is present without serving is --present-substitute.
                    Changes per paragraph: --arrives carina-sammeli@15, --leaves X@12 (absent
                    from § 12 on), --recused X@9 (jäv: absent for § 9 only). Quorum is then
                    computed for every paragraph; a change that takes it away is refused.
                    """,
                options: [OptionSpec("absent", value: "person", .repeatable, help: "An absent ledamot (repeat for more)."),
                          OptionSpec("substitute", value: "ersättare=ledamot[@from-through]", .repeatable,
                                     help: "An ersättare serving for an absent ledamot."),
                          OptionSpec("present-substitute", value: "person", .repeatable, help: "An ersättare present, not serving."),
                          OptionSpec("arrives", value: "person@§", .repeatable, help: "Present from this paragraph on."),
                          OptionSpec("leaves", value: "person@§", .repeatable, help: "Absent from this paragraph on."),
                          OptionSpec("recused", value: "person@§", .repeatable, help: "Absent for this paragraph only (jäv)."),
                          OptionSpec("other", value: "name, title", .repeatable, help: "Someone else present, e.g. \"Lisa Lundgren, konsult\".")],
                positionals: meetingPositionals)) { context in
                let request = try attendanceSet(context)
                try context.show(try context.documents(DocumentsMethods.attendanceSet, request), DocumentsText.attendance)
            },
        ])
    }

    /// The `AttendanceSet` of `attendance set`'s options.
    static func attendanceSet(_ context: CLIContext) throws -> AttendanceSet {
        var changes: [PresenceChange] = []
        for kind in PresenceChangeKind.allCases {
            for text in context.command.strings(kind.rawValue) {
                let (person, paragraph) = try personAtParagraph(text, option: kind.rawValue, context: context)
                changes.append(PresenceChange(person: person, kind: kind, paragraph: paragraph))
            }
        }
        let others = try context.command.strings("other").map { text in
            guard let comma = text.firstIndex(of: ","), !text[..<comma].isEmpty else {
                throw context.usageError("--other: expected \"name, title\", got \"\(text)\"")
            }
            return OtherAttendee(name: String(text[..<comma]).trimmed, title: String(text[text.index(after: comma)...]).trimmed)
        }
        return AttendanceSet(meeting: try meetingRef(context), absent: context.command.strings("absent"),
                             substitutions: try context.command.strings("substitute").map { try substitution($0, context: context) },
                             presentSubstitutes: context.command.strings("present-substitute"), changes: changes, others: others)
    }

    /// `johan-johansson=lena-goldkuhl`, `…@8-14`, `…@15-`, `…@-12`.
    static func substitution(_ text: String, context: CLIContext) throws -> Substitution {
        let problem = "--substitute: expected ersättare=ledamot or ersättare=ledamot@from-through, got \"\(text)\""
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let people = parts[0].split(separator: "=", omittingEmptySubsequences: false)
        guard people.count == 2, !people[0].isEmpty, !people[1].isEmpty else { throw context.usageError(problem) }
        var from: Int?, through: Int?
        if parts.count == 2 {
            let bounds = parts[1].split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, !(bounds[0].isEmpty && bounds[1].isEmpty) else { throw context.usageError(problem) }
            func bound(_ text: Substring) throws -> Int? {
                if text.isEmpty { return nil }
                guard let value = Int(text), value >= 1 else { throw context.usageError(problem) }
                return value
            }
            from = try bound(bounds[0])
            through = try bound(bounds[1])
        }
        return Substitution(substitute: String(people[0]), replaces: String(people[1]), from: from, through: through)
    }

    /// `carina-sammeli@15`.
    static func personAtParagraph(_ text: String, option: String, context: CLIContext) throws -> (String, Int) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let paragraph = Int(parts[1]), paragraph >= 1 else {
            throw context.usageError("--\(option): expected person@paragraph such as carina-sammeli@15, got \"\(text)\"")
        }
        return (String(parts[0]), paragraph)
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
