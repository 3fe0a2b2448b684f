import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry committee list|get|create|update|end`.
extension RegistryCommands {
    static var committeeGroup: CommandGroup {
        kind("committee", abstract: "Committees of the deployment: list, show, create, change, wind up.", [
            Subcommand(spec: CommandSpec("list", abstract: "Lists every committee of the deployment.")) { context in
                try context.show(try context.registry(RegistryMethods.committeeList, Empty())) { overviews in
                    RegistryText.table(
                        ["code", "name", "host", "parties", "persons", "established", "ended"],
                        overviews.map { overview in
                            let committee = overview.committee
                            return [committee.code, committee.name, overview.hostParty ?? "",
                                    String(overview.counts.parties), String(overview.counts.persons),
                                    RegistryText.date(committee.establishedOn), RegistryText.date(committee.endedOn)]
                        },
                        empty: "No committees.")
                }
            },
            Subcommand(spec: CommandSpec("get", abstract: "Shows one committee with its host and record counts.",
                                         positionals: [committeeArgument])) { context in
                let overview = try context.registry(RegistryMethods.committeeGet, CommitteeRef(committee: try context.committee))
                try context.show(overview, committeeText)
            },
            create("create", RegistryMethods.committeeCreate, abstract: "Creates a committee without parties or members.",
                   options: committeeOptions(.required),
                   request: { context, code in
                       CommitteeCreate(committee: Committee(
                           code: code, name: try context.command.string("name"),
                           shortName: try context.command.string("short-name"),
                           caseNumberFormat: try context.command.string("case-number-format"),
                           establishedOn: try context.dateIfPresent("established-on"),
                           notes: context.command.strings("note").filter { !$0.isEmpty },
                           localPoliticalParties: nonEmpty(context.command.strings("local-party").filter { !$0.isEmpty }),
                           mandatePeriodRule: try context.command.stringIfPresent("mandate-periods").map {
                               try context.choice($0, option: "mandate-periods", as: MandatePeriodRule.self)
                           }))
                   },
                   confirm: { committee, _ in "Created committee \(committee.code) (\(committee.name))." }),
            update(RegistryMethods.committeeUpdate, kind: "committee", argument: nil,
                   options: committeeOptions(.optional) + [dateOption("ended-on", help: "The committee's last day.")],
                   load: { context, ref in
                       try context.registry(RegistryMethods.committeeGet, CommitteeRef(committee: ref.committee)).committee
                   },
                   edit: { committee, changes in
                       try changes.text("name", &committee.name)
                       try changes.text("short-name", &committee.shortName)
                       try changes.text("case-number-format", &committee.caseNumberFormat)
                       try changes.date("established-on", &committee.establishedOn)
                       try changes.date("ended-on", &committee.endedOn)
                       changes.texts("note", &committee.notes)
                       var local = committee.localPoliticalParties ?? []
                       changes.texts("local-party", &local)
                       committee.localPoliticalParties = nonEmpty(local)
                       let context = changes.context
                       try changes.value("mandate-periods", &committee.mandatePeriodRule) {
                           try context.choice($0, option: "mandate-periods", as: MandatePeriodRule.self)
                       }
                   },
                   request: { _, committee in CommitteeUpdate(committee: committee) }),
            Subcommand(spec: CommandSpec("end", abstract: "Winds a committee up after a given day.",
                                         options: [dateOption("last-day", .required, help: "The committee's last day.")],
                                         positionals: [committeeArgument])) { context in
                let request = CommitteeEnd(committee: try context.committee, lastDay: try context.date("last-day"))
                try context.show(try context.registry(RegistryMethods.committeeEnd, request)) {
                    "Committee \($0.code) ends after \(request.lastDay)."
                }
            },
        ])
    }

    /// The fields of `create` (`.required`) and `update` (`.optional`).
    static func committeeOptions(_ occurrence: Occurrence) -> [OptionSpec] {
        let repeating = occurrence == .required ? "repeat for several" : "repeat for several; replaces all notes"
        return [
            OptionSpec("name", value: "text", occurrence, help: "The full name, e.g. \"Norrbottens e-nämnd\"."),
            OptionSpec("short-name", value: "text", occurrence, help: "The name in headers, e.g. E-nämnden."),
            OptionSpec("case-number-format", value: "template", occurrence,
                       help: "Template of case numbers: {year}, {serial}, {class}, e.g. {year}/{serial}-{class}."),
            dateOption("established-on", help: "The day the committee was established; no party joins earlier."),
            OptionSpec("note", value: "text", .repeatable,
                       help: "A note on where the data comes from; \(repeating)."),
            OptionSpec("local-party", value: "name", .repeatable,
                       help: "A local political party members may belong to besides S, M, SD, C, V, KD, L, MP, "
                           + "e.g. \"Kommunens väl\"; \(occurrence == .required ? "repeat for several" : "repeat for several; replaces the list, --local-party= clears it")."),
            OptionSpec("mandate-periods", value: "election-terms|any",
                       help: "Which mandate periods appointments may name: the terms after the general elections "
                           + "(2019-2022, 2023-2026 …; the default) or any."),
        ]
    }

    /// `list`, or nil when it is empty.
    static func nonEmpty(_ list: [String]) -> [String]? { list.isEmpty ? nil : list }

    static func committeeText(_ overview: CommitteeOverview) -> String {
        let committee = overview.committee
        let notes = committee.notes.isEmpty ? "" : "\n\nNotes\n" + committee.notes.map { "- \($0)" }.joined(separator: "\n")
        return RegistryText.fields([
            ("code", committee.code), ("name", committee.name), ("short name", committee.shortName),
            ("case-number format", committee.caseNumberFormat),
            ("established", RegistryText.date(committee.establishedOn)), ("ended", RegistryText.date(committee.endedOn)),
            ("local parties", committee.localPoliticalParties?.joined(separator: ", ")),
            ("mandate periods", (committee.mandatePeriodRule ?? .electionTerms).rawValue),
            ("host party", overview.hostParty), ("records", describe(overview.counts)),
        ]) + notes
    }
}
