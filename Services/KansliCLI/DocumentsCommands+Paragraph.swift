import DocumentsAPI
import Foundation
import KansliArguments
import KansliProtocol

// `kansli documents paragraph add|update|remove|show`.
extension DocumentsCommands {
    /// The options that set a paragraph's content; each replaces what the paragraph (or --file) had.
    static let contentOptions = [
        OptionSpec("file", value: "file", help: "A paragraph as JSON (docs/meeting-file-format.md, \"paragraphs\"); options override it."),
        OptionSpec("title", value: "text", help: "The paragraph's title."),
        OptionSpec("case-number", value: "text", help: "Its case number (diarienummer), e.g. 2022/13-2.2.0.1."),
        OptionSpec("decision", value: "text", help: "The decision (beslut)."),
        OptionSpec("summary", value: "text", help: "The summary of the matter (sammanfattning)."),
        OptionSpec("proceedings", value: "text", help: "What happened at the meeting (ärendets behandling)."),
        OptionSpec("motion", value: "person: text", .repeatable, help: "A motion (yrkande) and who made it."),
        OptionSpec("decision-method", value: "proposition|vote", help: "How the decision was reached (beslutsgång)."),
        OptionSpec("decision-process", value: "text", help: "The beslutsgång as it reads in the minutes."),
        OptionSpec("vote", value: "open|secret", help: "A vote (omröstning): open, with --ballot, or secret, with --tally."),
        OptionSpec("ballot", value: "person=ja|nej|avstar", .repeatable, help: "A serving member's ballot in an open vote."),
        OptionSpec("tally", value: "ja-nej-avstår", help: "A secret ballot's tally, e.g. 6-3-1."),
        OptionSpec("reservation", value: "person[: reason]", .repeatable, help: "A reservation against the decision."),
        OptionSpec("immediate-justering", value: "yes|no", help: "Whether the meeting justerade the paragraph at once."),
        OptionSpec("document", value: "text", .repeatable, help: "A document of the beslutsunderlag (repeat for more)."),
        OptionSpec("distribution", value: "text", .repeatable, help: "Who the decision is sent to (repeat for more)."),
        OptionSpec("chair", value: "person", help: "The chair of this paragraph, when not the meeting's chair."),
        OptionSpec("confidential", value: "ground", help: "Secret (sekretess), on this ground: only the annex shows the content."),
    ]

    static var paragraphGroup: CommandGroup {
        let numbered = meetingPositionals + [paragraphArgument]
        return kind("paragraph", abstract: "The meeting's paragraphs, numbered from the committee's yearly sequence.", [
            Subcommand(spec: CommandSpec(
                "add", abstract: "Adds the meeting's next paragraph; it takes the year's next number.",
                discussion: "Needs --title and --decision, or a --file that has them. Quorum is checked against the attendance.",
                options: contentOptions, positionals: meetingPositionals)) { context in
                let content = try paragraphContent(context, base: nil)
                let paragraph = try context.documents(DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: try meetingRef(context), content: content))
                try context.show(paragraph, DocumentsText.paragraphWritten)
            },
            Subcommand(spec: CommandSpec(
                "update", abstract: "Changes a paragraph; what is not given stays (a repeated option replaces its whole list).",
                options: contentOptions, positionals: numbered)) { context in
                let ref = ParagraphRef(meeting: try meetingRef(context), number: try number(context))
                let current = try context.documents(DocumentsMethods.paragraphGet, ref)
                let request = ParagraphUpdate(meeting: ref.meeting, number: ref.number, content: try paragraphContent(context, base: current.content))
                try context.show(try context.documents(DocumentsMethods.paragraphUpdate, request), DocumentsText.paragraphWritten)
            },
            Subcommand(spec: CommandSpec(
                "remove", abstract: "Removes the year's last paragraph (any other would leave a gap in the numbers).",
                positionals: numbered)) { context in
                let ref = ParagraphRef(meeting: try meetingRef(context), number: try number(context))
                let removed = try context.documents(DocumentsMethods.paragraphRemove, ref)
                try context.show(removed) { "Removed § \($0.number) \($0.content.title); the year's next number is \($0.number) again." }
            },
            Subcommand(spec: CommandSpec("show", abstract: "Shows one paragraph with its quorum and chair.", positionals: numbered)) { context in
                let ref = ParagraphRef(meeting: try meetingRef(context), number: try number(context))
                try context.show(try context.documents(DocumentsMethods.paragraphGet, ref), DocumentsText.paragraph)
            },
        ])
    }

    /// The content the options give, over `--file`, over `base` (a paragraph being updated).
    static func paragraphContent(_ context: CLIContext, base: ParagraphContent?) throws -> ParagraphContent {
        let command = context.command
        var content: ParagraphContent
        if let path = command.stringIfPresent("file") {
            content = try InputFile.json(path, limit: MeetingFile.maximumBytes, kind: "a paragraph") {
                try JSONDecoder().decode(MeetingFile.FileParagraph.self, from: $0)
            }.content
        } else if let base {
            content = base
        } else {
            guard let title = command.stringIfPresent("title"), let decision = command.stringIfPresent("decision") else {
                throw context.usageError("a new paragraph needs --title and --decision, or --file", code: .missingOption)
            }
            content = ParagraphContent(title: title, decision: decision)
        }
        if let title = command.stringIfPresent("title") { content.title = title }
        if let decision = command.stringIfPresent("decision") { content.decision = decision }
        if let value = command.stringIfPresent("case-number") { content.caseNumber = value.isEmpty ? nil : value }
        if let value = command.stringIfPresent("summary") { content.summary = value.isEmpty ? nil : value }
        if let value = command.stringIfPresent("proceedings") { content.proceedings = value.isEmpty ? nil : value }
        if let value = command.stringIfPresent("decision-process") { content.decisionProcess = value.isEmpty ? nil : value }
        if let value = command.stringIfPresent("chair") { content.chair = value.isEmpty ? nil : value }
        if let value = command.stringIfPresent("confidential") { content.confidential = value.isEmpty ? nil : Confidentiality(ground: value) }
        if let method = try context.choiceIfPresent("decision-method", as: DecisionMethod.self) { content.decisionMethod = method }
        if let value = command.stringIfPresent("immediate-justering") {
            content.immediateJustering = try context.choice(value, option: "immediate-justering", expected: ["yes", "no"]) {
                ["yes": true, "no": false][$0]
            }
        }
        if !command.strings("motion").isEmpty {
            content.motions = try command.strings("motion").map { text in
                let (person, rest) = try personAndText(text, option: "motion", required: true, context: context)
                return Motion(person: person, text: rest ?? "")
            }
        }
        if !command.strings("reservation").isEmpty {
            content.reservations = try command.strings("reservation").map { text in
                let (person, reason) = try personAndText(text, option: "reservation", required: false, context: context)
                return Reservation(person: person, reason: reason)
            }
        }
        if !command.strings("document").isEmpty { content.documents = command.strings("document") }
        if !command.strings("distribution").isEmpty { content.distribution = command.strings("distribution") }
        if let vote = try vote(context) {
            content.vote = vote
            if command.stringIfPresent("decision-method") == nil { content.decisionMethod = .vote }
        }
        return content
    }

    /// `--vote` with its `--ballot`s or `--tally`, or nil when `--vote` is not given.
    static func vote(_ context: CLIContext) throws -> Vote? {
        let command = context.command
        guard let kind = try context.choiceIfPresent("vote", as: VoteKind.self) else {
            if !command.strings("ballot").isEmpty || command.stringIfPresent("tally") != nil {
                throw context.usageError("--ballot and --tally record a vote: give --vote open or --vote secret", code: .missingOption)
            }
            return nil
        }
        let ballots = try command.strings("ballot").map { text in
            let parts = text.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, let choice = BallotChoice(rawValue: String(parts[1])) else {
                throw context.usageError("--ballot: expected person=ja, person=nej or person=avstar, got \"\(text)\"")
            }
            return Ballot(person: String(parts[0]), choice: choice)
        }
        var file = MeetingFile.FileVote(kind: kind, ballots: ballots)
        if let tally = command.stringIfPresent("tally") {
            let counts = tally.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard counts.count == 3, let yes = counts[0], let no = counts[1], let abstain = counts[2], min(yes, no, abstain) >= 0 else {
                throw context.usageError("--tally: expected ja-nej-avstår such as 6-3-1, got \"\(tally)\"")
            }
            (file.yes, file.no, file.abstain) = (yes, no, abstain)
        }
        switch kind {
        case .open where ballots.isEmpty: throw context.usageError("--vote open needs each serving member's --ballot", code: .missingOption)
        case .secret where !ballots.isEmpty: throw context.usageError("a secret ballot records only the --tally, never a member's --ballot")
        case .secret where file.yes == nil: throw context.usageError("--vote secret needs --tally ja-nej-avstår", code: .missingOption)
        default: return file.vote
        }
    }

    /// `person: text` (the text optional unless `required`).
    static func personAndText(_ text: String, option: String, required: Bool, context: CLIContext) throws -> (String, String?) {
        let colon = text.firstIndex(of: ":")
        let person = String(text[..<(colon ?? text.endIndex)]).trimmed
        let rest = colon.map { String(text[text.index(after: $0)...]).trimmed }
        guard !person.isEmpty, !person.contains(" "), !required || !(rest ?? "").isEmpty else {
            throw context.usageError("--\(option): expected \(required ? "person: text" : "person or person: reason") such as \"maud-lundback: …\", got \"\(text)\"")
        }
        return (person, rest?.isEmpty == true ? nil : rest)
    }
}
