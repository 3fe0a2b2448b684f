import KansliArguments
import KansliProtocol
import RegistryAPI

// `kansli registry yearly-key set|list|table`: the figures finance allocates costs by.
extension RegistryCommands {
    static let keyKindOption = OptionSpec("kind", value: "population|pupils|budget-turnover", .required,
                                          help: "Which allocation key.")
    static let keyYearOption = OptionSpec("year", value: "year", .required, help: "The budget year, e.g. 2022.")

    static var yearlyKeyGroup: CommandGroup {
        kind("yearly-key", abstract: "Yearly allocation key figures of the parties: population, pupils, turnover.", [
            create("set", RegistryMethods.yearlyKeySet, abstract: "Sets (or replaces) one party's figure of one key for one year.",
                   options: [partyOption("party", .required, help: "The party"), keyKindOption, keyYearOption,
                             OptionSpec("value", value: "number", .required,
                                        help: "The figure: persons, or whole kronor for budget turnover."),
                             dateOption("reference-date", .required, help: "The day the figure describes, e.g. 2021-12-31."),
                             OptionSpec("source", value: "text", .required,
                                        help: "Where it comes from, e.g. \"SCB, folkmängd 31 december 2021\".")],
                   flags: [FlagSpec("illustrative", help: "The figure is not official (derived or made up).")],
                   request: { context, committee in
                       YearlyKeySet(committee: committee, key: YearlyKey(
                           party: try context.requiredParty("party", in: committee), kind: try keyKind(context),
                           year: try context.command.int("year", in: 1900...2999),
                           value: Int64(try context.command.int("value")),
                           referenceDate: try context.date("reference-date"), source: try context.command.string("source"),
                           illustrative: context.command.flag("illustrative")))
                   },
                   confirm: { key, committee in
                       "Set \(key.kind.rawValue) \(key.year) of \(key.party) in \(committee) to \(RegistryText.grouped(key.value))."
                   }),
            list(RegistryMethods.yearlyKeyList, plural: "yearly key figures", filters: [.party],
                 columns: ["party", "kind", "year", "value", "reference date", "illustrative", "source"]) { key in
                [key.party, key.kind.rawValue, String(key.year), RegistryText.grouped(key.value),
                 key.referenceDate.description, RegistryText.yes(key.illustrative), key.source]
            },
            Subcommand(spec: CommandSpec(
                "table", abstract: "Shows one key for one year for every party, with the total and the gaps.",
                options: [keyKindOption, keyYearOption], positionals: [committeeArgument])) { context in
                let request = YearlyKeyTableRequest(
                    committee: try context.committee,
                    kind: try keyKind(context), year: try context.command.int("year", in: 1900...2999))
                try context.show(try context.registry(RegistryMethods.yearlyKeyTable, request), yearlyKeyTableText)
            },
        ])
    }

    /// `--kind`.
    static func keyKind(_ context: CLIContext) throws -> KeyKind {
        try context.choice(try context.command.string("kind"), option: "kind", as: KeyKind.self)
    }

    static func yearlyKeyTableText(_ table: YearlyKeyTable) -> String {
        var text = TextTable(["party", "name", "value", "reference date", "illustrative"])
        for row in table.rows {
            text.add([row.party, row.partyName, RegistryText.grouped(row.value), row.referenceDate.description,
                      RegistryText.yes(row.illustrative)])
        }
        text.add(["total", "", RegistryText.grouped(table.total), "", RegistryText.yes(table.illustrative)])
        let missing = table.missing.isEmpty ? "" : "\nNo figure: \(table.missing.joined(separator: ", "))"
        return "\(table.kind.rawValue) \(table.year), \(table.committee)\n\n" + text.render() + missing
    }
}
