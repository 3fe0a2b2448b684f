import DocumentsAPI
import KansliArguments
import KansliProtocol

/// `kansli documents …`: meetings, attendance, paragraphs, minutes, notices and deadlines
/// (kansli-documents). Signing the minutes is `kansli protocol …`.
enum DocumentsCommands {
    static let committeeArgument = PositionalSpec("committee", help: "The committee's code, e.g. NBE.")
    static let dateArgument = PositionalSpec("date", help: "The meeting's date, yyyy-MM-dd.")
    static let paragraphArgument = PositionalSpec("paragraph", help: "The paragraph (§) number, e.g. 12.")
    static let yearArgument = PositionalSpec("year", help: "The year, e.g. 2022.")
    static let meetingPositionals = [committeeArgument, dateArgument]

    /// One group: `kansli documents` and everything below it.
    static var groups: [CommandGroup] {
        let parts = [importCommand, meetingGroup, attendanceGroup, paragraphGroup, protocolGroup, renderCommand,
                     sequenceGroup, caseNumberGroup, noticeGroup, deadlinesCommand, dispatchGroup, exportLogCommand, verifyLogCommand]
        return [CommandGroup.root("documents", abstract: "Meetings, attendance, paragraphs, minutes, notices and deadlines (kansli-documents).",
                                  discussion: """
                A meeting is named by its committee and date (NBE 2022-06-22). Attendance is
                checked against the registry's composition on that day, so the registry must
                be running. Once a protocol is frozen for signing nothing changes it; `protocol
                revise` makes a new revision. Reads take --json for the service's response.
                """,
                                  parts: parts)]
    }

    typealias Subcommand = CommandGroup.Leaf

    /// `kansli documents NAME …` with its subcommands.
    static func kind(_ name: String, abstract: String, _ subcommands: [Subcommand]) -> CommandGroup {
        CommandGroup.kind(root: "documents", name, abstract: abstract, subcommands)
    }

    /// `kansli documents NAME` without subcommands.
    static func leaf(_ spec: CommandSpec, _ run: @escaping CommandGroup.Handler) -> CommandGroup {
        CommandGroup(spec: spec, handlers: [["documents", spec.name]: run])
    }

    /// The meeting the committee and date positionals name.
    static func meetingRef(_ context: CLIContext) throws -> MeetingRef {
        let text = try context.command.positional(1)
        guard let date = CalendarDate(text) else { throw context.usageError("<date>: expected a date as yyyy-MM-dd, got \"\(text)\"") }
        return MeetingRef(committee: try context.command.positional(0), date: date)
    }

    /// The paragraph number at positional `index`.
    static func number(_ context: CLIContext, at index: Int = 2) throws -> Int {
        let text = try context.command.positional(index)
        guard let number = Int(text), (1...100_000).contains(number) else {
            throw context.usageError("<paragraph>: expected a paragraph number such as 12, got \"\(text)\"")
        }
        return number
    }

    /// The year at positional 1.
    static func year(_ context: CLIContext) throws -> Int { try context.positionalYear(1) }

    // MARK: Import

    /// `kansli documents import FILE`: brings the meeting to what the file says.
    static var importCommand: CommandGroup {
        let spec = CommandSpec(
            "import", abstract: "Creates or brings up to date a meeting from a meeting file: agenda, attendance, paragraphs, protocol.",
            discussion: """
                The file is JSON (docs/meeting-file-format.md). A new meeting is created (and
                the year's sequence set first, if the file gives it); an existing one that is
                not frozen is brought to what the file says: its paragraphs updated in place,
                added, or the last ones removed. Safe to run again; a step the service refuses
                stops the import, names the step, and leaves the earlier steps done.
                """,
            positionals: [PositionalSpec("file", help: "The meeting file (JSON), or - for standard input.")])
        return leaf(spec) { context in
            let file = try InputFile.json(try context.command.positional(0), limit: MeetingFile.maximumBytes, kind: "a meeting file",
                                          MeetingFile.init(jsonData:))
            let meeting = try importMeeting(file, context: context)
            try context.show(meeting, DocumentsText.imported)
        }
    }

    /// The calls that make the service hold what `file` says, each named if refused.
    static func importMeeting(_ file: MeetingFile, context: CLIContext) throws -> Meeting {
        let ref = file.ref
        @discardableResult
        func step<Request, Response>(_ what: String, _ method: Method<Request, Response>, _ request: Request) throws -> Response {
            do {
                return try context.documents(method, request)
            } catch var error as ServiceError {
                error.message = "\(what): \(error.message)"
                throw error
            }
        }
        let existing = try context.documentsIfFound(DocumentsMethods.meetingGet, ref)
        if let existing {
            guard !existing.frozen else {
                throw ServiceError.conflict("the meeting of \(ref.committee) \(ref.date) is frozen for signing at revision \(existing.revision); `kansli documents protocol revise` makes an editable revision", field: "meeting")
            }
            try step("meeting", DocumentsMethods.meetingUpdate, file.update)
        } else {
            if let wanted = file.sequence {
                let current = try context.documents(DocumentsMethods.sequenceGet, SequenceRef(committee: ref.committee, year: ref.date.year))
                if current.nextParagraph != wanted.nextParagraph || current.nextCaseSerial < wanted.nextCaseSerial {
                    let request = SequenceSet(committee: ref.committee, year: ref.date.year, nextParagraph: wanted.nextParagraph,
                                              nextCaseSerial: max(current.nextCaseSerial, wanted.nextCaseSerial))
                    try step("sequence", DocumentsMethods.sequenceSet, request)
                }
            }
            try step("meeting", DocumentsMethods.meetingCreate, file.create)
        }
        if let attendance = file.attendanceSet { try step("attendance", DocumentsMethods.attendanceSet, attendance) }
        let stored = existing?.content.paragraphs ?? []
        for (index, content) in file.contents.enumerated() {
            if index < stored.count {
                guard stored[index].content != content else { continue }
                try step("paragraphs[\(index)] (§ \(stored[index].number))", DocumentsMethods.paragraphUpdate,
                         ParagraphUpdate(meeting: ref, number: stored[index].number, content: content))
            } else {
                try step("paragraphs[\(index)]", DocumentsMethods.paragraphAdd, ParagraphAdd(meeting: ref, content: content))
            }
        }
        for extra in stored.dropFirst(file.paragraphs.count).reversed() {
            try step("removing § \(extra.number), which the file no longer has", DocumentsMethods.paragraphRemove,
                     ParagraphRef(meeting: ref, number: extra.number))
        }
        if let details = file.protocolSet { try step("protocol", DocumentsMethods.protocolSet, details) }
        return try context.documents(DocumentsMethods.meetingGet, ref)
    }
}

extension CLIContext {
    /// Calls `method` of the documents service.
    func documents<Request, Response>(_ method: Method<Request, Response>, _ request: Request) throws -> Response {
        try client("documents").call(method, request)
    }

    /// Calls `method` of the documents service; nil when it answers `not_found`.
    func documentsIfFound<Request, Response>(_ method: Method<Request, Response>, _ request: Request) throws -> Response? {
        do {
            return try documents(method, request)
        } catch let error as ServiceError where error.code == .notFound {
            return nil
        }
    }
}
