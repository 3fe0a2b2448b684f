import DocumentsAPI
import KansliArguments
import KansliProtocol

// `kansli documents sequence|casenumber|notice|deadlines|dispatch`.
extension DocumentsCommands {
    static var sequenceGroup: CommandGroup {
        let positionals = [committeeArgument, yearArgument]
        return kind("sequence", abstract: "Where a committee's yearly paragraph numbers and case serials stand.", [
            Subcommand(spec: CommandSpec(
                "set", abstract: "Sets the year's next paragraph number (before its first paragraph) and case serial.",
                discussion: """
                    For a committee that starts using Kansli mid-year: minutes that start at
                    § 8 because § 1–7 were given earlier are --next-paragraph 8. The case
                    serial is never lowered.
                    """,
                options: [OptionSpec("next-paragraph", value: "n", help: "The year's next paragraph number."),
                          OptionSpec("next-case-serial", value: "n", help: "The year's next case serial.")],
                positionals: positionals)) { context in
                let committee = try context.command.positional(0), year = try year(context)
                let current = try context.documents(DocumentsMethods.sequenceGet, SequenceRef(committee: committee, year: year))
                let request = SequenceSet(committee: committee, year: year,
                                          nextParagraph: try context.command.intIfPresent("next-paragraph", in: 1...100_000) ?? current.nextParagraph,
                                          nextCaseSerial: try context.command.intIfPresent("next-case-serial", in: 1...100_000_000) ?? current.nextCaseSerial)
                try context.show(try context.documents(DocumentsMethods.sequenceSet, request), DocumentsText.sequence)
            },
            Subcommand(spec: CommandSpec("show", abstract: "Shows the year's next paragraph number and case serial.",
                                         positionals: positionals)) { context in
                let request = SequenceRef(committee: try context.command.positional(0), year: try year(context))
                try context.show(try context.documents(DocumentsMethods.sequenceGet, request), DocumentsText.sequence)
            },
        ])
    }

    static var caseNumberGroup: CommandGroup {
        kind("casenumber", abstract: "Case numbers (diarienummer) from the committee's gap-free yearly serial.", [
            Subcommand(spec: CommandSpec(
                "allocate", abstract: "Allocates the year's next case number in the committee's format (e.g. 2022/13-2.2.0.1).",
                discussion: "Most committees take their case numbers from the host's diarium; this is for those that let Kansli give them.",
                options: [OptionSpec("class", value: "code", help: "The classification code a format with {class} needs, e.g. 2.2.0.1.")],
                positionals: [committeeArgument, yearArgument])) { context in
                let request = CaseNumberAllocate(committee: try context.command.positional(0), year: try year(context),
                                                 classification: context.command.stringIfPresent("class"))
                let allocation = try context.documents(DocumentsMethods.caseNumberAllocate, request)
                try context.show(allocation) { "\($0.caseNumber) (\($0.committee) \($0.year), serial \($0.serial))" }
            },
        ])
    }

    static var noticeGroup: CommandGroup {
        kind("notice", abstract: "The notice (anslag) on every party's board, and the time to appeal it starts.", [
            Subcommand(spec: CommandSpec(
                "post", abstract: "Records the day the notice went up on parties' boards.",
                discussion: """
                    The time to appeal a joint committee's decisions runs from the day the
                    notice is up on the boards of all the parties: three weeks from the last
                    posting, moved past weekends and holidays. --check shows what one posting
                    would give, recording nothing. The service warns about a notice up later
                    than the second day after justering and a justering that came late.
                    """,
                options: [OptionSpec("party", value: "code", .repeatable, help: "A party whose board has it (repeat for more)."),
                          OptionSpec("posted-on", value: "yyyy-MM-dd", help: "The day it went up (today on the service's clock when left out)."),
                          OptionSpec("justerat-on", value: "yyyy-MM-dd", help: "The day the protocol was justerat, if not recorded.")],
                flags: [FlagSpec("all-parties", help: "Every party that has not posted it yet."),
                        FlagSpec("check", help: "Show the deadlines the posting of one party would give; record nothing.")],
                positionals: meetingPositionals)) { context in
                try context.show(try postNotice(context), DocumentsText.notice)
            },
            Subcommand(spec: CommandSpec("status", abstract: "Where the notice stands: postings, parties still to post, deadlines, warnings.",
                                         positionals: meetingPositionals)) { context in
                try context.show(try context.documents(DocumentsMethods.noticeStatus, try meetingRef(context)), DocumentsText.notice)
            },
        ])
    }

    /// `notice post`: each party in turn (each posting its own write), or one `--check`.
    static func postNotice(_ context: CLIContext) throws -> NoticeStatus {
        let ref = try meetingRef(context)
        var parties = context.command.strings("party")
        let all = context.command.flag("all-parties"), checking = context.command.flag("check")
        guard parties.isEmpty == all else {
            throw context.usageError("give the parties with --party, or --all-parties", code: .missingOption)
        }
        if all { parties = try context.documents(DocumentsMethods.noticeStatus, ref).pendingParties }
        if checking, parties.count != 1 {
            throw context.usageError("--check shows what one party's posting would give: give exactly one --party")
        }
        let postedOn = try context.dateOrServiceToday("posted-on"), justeratOn = try context.dateIfPresent("justerat-on")
        let method = checking ? DocumentsMethods.noticeCheck : DocumentsMethods.noticePost
        var status = try context.documents(DocumentsMethods.noticeStatus, ref)
        for party in parties {
            status = try context.documents(method, NoticePost(meeting: ref, party: party, postedOn: postedOn, justeratOn: justeratOn))
        }
        return status
    }

    static var deadlinesCommand: CommandGroup {
        let spec = CommandSpec(
            "deadlines", abstract: "Lists, for every open meeting, the dates coming due: justering, notice, appeal, take-down.",
            options: [OptionSpec("committee", value: "code", help: "Only this committee's meetings."),
                      OptionSpec("on", value: "yyyy-MM-dd", help: "As of this day (the service's today when left out).")])
        return leaf(spec) { context in
            let request = DeadlinesRequest(committee: context.command.stringIfPresent("committee"), on: try context.dateIfPresent("on"))
            try context.show(try context.documents(DocumentsMethods.deadlines, request), DocumentsText.deadlines)
        }
    }

    static var dispatchGroup: CommandGroup {
        kind("dispatch", abstract: "Decisions sent to those on their distribution lists.", [
            Subcommand(spec: CommandSpec(
                "record", abstract: "Records that a paragraph's decision was sent: to whom, when, how.",
                options: [OptionSpec("to", value: "recipient", .repeatable, help: "A recipient (the paragraph's distribution list when left out)."),
                          OptionSpec("sent-on", value: "yyyy-MM-dd", help: "The day it was sent (today on the service's clock when left out)."),
                          OptionSpec("channel", value: "text", .required, help: "How, e.g. \"e-post\" or \"brev\".")],
                positionals: meetingPositionals + [paragraphArgument])) { context in
                let request = DispatchRecord(meeting: try meetingRef(context), paragraph: try number(context),
                                             recipients: context.command.strings("to"), sentOn: try context.dateOrServiceToday("sent-on"),
                                             channel: try context.command.string("channel"))
                let dispatch = try context.documents(DocumentsMethods.dispatchRecord, request)
                try context.show(dispatch) { "§ \($0.paragraph) sent \($0.sentOn) by \($0.channel) to \($0.recipients.joined(separator: ", "))." }
            },
        ])
    }
}
