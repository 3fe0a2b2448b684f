import FinanceAPI
import KansliArguments
import KansliProtocol

// `kansli finance budget list|show|adopt|justera|close|update|revise|index`.
extension FinanceCommands {
    static var budgetGroup: CommandGroup {
        let positionals = [committeeArgument, yearArgument]
        return kind("budget", abstract: "Budgets: their lines, adoption, versions and indexation.", [
            Subcommand(spec: CommandSpec("list", abstract: "Lists every budget version of a committee.",
                                         positionals: [committeeArgument])) { context in
                let request = BudgetListRequest(committee: try context.command.positional(0))
                try context.show(try context.finance(FinanceMethods.budgetList, request), FinanceText.list)
            },
            Subcommand(spec: CommandSpec("show", abstract: "Shows a budget version: status, adoption and lines.",
                                         options: [versionOption], positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.budgetGet, try budgetRef(context)), FinanceText.budget)
            },
            Subcommand(spec: CommandSpec(
                "adopt", abstract: "Records the paragraph that adopted the budget (e.g. 2022-06-22 § 12).",
                discussion: """
                    The budget is then adopted pending justering, or adopted when
                    --justerat-on is given. It must allocate cleanly with the registry's
                    parties and keys. An adopted budget is never edited again.
                    """,
                options: [versionOption,
                          OptionSpec("protocol-date", value: "yyyy-MM-dd", .required, help: "The meeting's date."),
                          OptionSpec("paragraph", value: "n", .required, help: "The paragraph (§) number."),
                          OptionSpec("justerat-on", value: "yyyy-MM-dd", help: "The day the protocol was justerat, if it is.")],
                positionals: positionals)) { context in
                let adoption = Adoption(protocolDate: try context.date("protocol-date"),
                                        paragraph: try context.command.int("paragraph", in: 1...10_000),
                                        justeratOn: try context.dateIfPresent("justerat-on"))
                let budget = try context.finance(FinanceMethods.budgetAdopt, BudgetAdopt(budget: try budgetRef(context), adoption: adoption))
                try context.show(budget) { "Budget \($0.year) v\($0.version) of \($0.committee) is \($0.status.rawValue) (\(adoption))." }
            },
            Subcommand(spec: CommandSpec("justera", abstract: "Records that the adopting protocol is justerat.",
                                         options: [versionOption, OptionSpec("on", value: "yyyy-MM-dd", .required, help: "The day it was justerat.")],
                                         positionals: positionals)) { context in
                let budget = try context.finance(FinanceMethods.budgetJustera,
                                                 BudgetJustering(budget: try budgetRef(context), justeratOn: try context.date("on")))
                try context.show(budget) { "Budget \($0.year) v\($0.version) of \($0.committee) is \($0.status.rawValue)." }
            },
            Subcommand(spec: CommandSpec("close", abstract: "Closes an adopted budget's year.",
                                         options: [versionOption], positionals: positionals)) { context in
                let budget = try context.finance(FinanceMethods.budgetClose, try budgetRef(context))
                try context.show(budget) { "Budget \($0.year) v\($0.version) of \($0.committee) is closed." }
            },
            Subcommand(spec: CommandSpec(
                "update", abstract: "Replaces a draft's lines with those of a budget file's budget for the year.",
                options: [versionOption, OptionSpec("file", value: "file", .required, help: "A budget file with a budget for the year.")],
                positionals: positionals)) { context in
                let lines = try linesFromFile(context)
                let budget = try context.finance(FinanceMethods.budgetUpdate, BudgetUpdate(budget: try budgetRef(context), lines: lines))
                try context.show(budget) { "Budget \($0.year) v\($0.version) of \($0.committee) now has \($0.lines.count) lines." }
            },
            Subcommand(spec: CommandSpec(
                "revise", abstract: "Makes a new version of an adopted budget, with a reason; the old one stays readable.",
                options: [versionOption, OptionSpec("file", value: "file", .required, help: "A budget file with the new lines for the year."),
                          OptionSpec("reason", value: "text", .required, help: "Why the budget changes.")],
                positionals: positionals)) { context in
                let request = BudgetRevise(budget: try budgetRef(context), lines: try linesFromFile(context),
                                           reason: try context.command.string("reason"))
                let budget = try context.finance(FinanceMethods.budgetRevise, request)
                try context.show(budget) { "Budget \($0.year) v\($0.version) of \($0.committee) is a new draft: \($0.reason ?? "")." }
            },
            Subcommand(spec: CommandSpec(
                "index", abstract: "Makes next year's draft from this year's budget by an indexation.",
                discussion: """
                    Give --percent (AKI 5.8 % is --percent 5.8) or --index-from and --index-to
                    (index values). Each line is indexed on its total or on each party's
                    share, as the line says; amounts are rounded to the line's unit.
                    """,
                options: [versionOption,
                          OptionSpec("percent", value: "p", help: "The increase in percent, e.g. 5.8."),
                          OptionSpec("index-from", value: "value", help: "This year's index value."),
                          OptionSpec("index-to", value: "value", help: "Next year's index value."),
                          OptionSpec("label", value: "text", .defaulted("indexation"), help: "What the figure is, e.g. \"AKI 2023\".")],
                positionals: positionals)) { context in
                let request = BudgetIndex(budget: try budgetRef(context), indexation: try indexation(context))
                let budget = try context.finance(FinanceMethods.budgetIndex, request)
                try context.show(budget) { "Budget \($0.year) of \($0.committee) drafted from \($0.year - 1): income \($0.total(.income))." }
            },
        ])
    }

    /// `--percent` or `--index-from`/`--index-to`.
    static func indexation(_ context: CLIContext) throws -> Indexation {
        let label = try context.command.string("label")
        if let percent = context.command.stringIfPresent("percent") {
            guard let rate = Fraction(parsing: percent + "%"), let value = Indexation.increase(by: rate, label: label) else {
                throw context.usageError("--percent: expected a percentage such as 5.8, got \"\(percent)\"")
            }
            return value
        }
        guard let from = context.command.stringIfPresent("index-from").flatMap({ Int64($0) }),
              let to = context.command.stringIfPresent("index-to").flatMap({ Int64($0) }),
              let value = Indexation.indexValues(from: from, to: to, label: label) else {
            throw context.usageError("give --percent, or --index-from and --index-to as positive whole numbers", code: .missingValue)
        }
        return value
    }

    /// The lines of the budget for the command's year in `--file`.
    static func linesFromFile(_ context: CLIContext) throws -> [BudgetLine] {
        let file = try readBudgetFile(try context.command.string("file"), context: context)
        let year = try self.year(context)
        guard let found = try file.requests().first(where: { $0.create.year == year }) else {
            throw ServiceError.validation("the budget file has no budget for \(year)", field: "file")
        }
        return found.create.lines
    }
}
