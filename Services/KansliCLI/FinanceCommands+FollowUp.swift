import FinanceAPI
import Foundation
import KansliArguments
import KansliProtocol

// `kansli finance outcome record|import|list`, `forecast set|list`, `followup`, `year close|show`.
extension FinanceCommands {
    static func yearRef(_ context: CLIContext) throws -> YearRef {
        YearRef(committee: try context.command.positional(0), year: try year(context))
    }

    static func amount(_ context: CLIContext, _ option: String) throws -> Money {
        let text = try context.command.string(option)
        guard let money = Money(parsing: text) else { throw context.usageError("--\(option): expected an amount such as \"58 000\", got \"\(text)\"") }
        return money
    }

    static func direction(_ context: CLIContext) throws -> LineDirection {
        let text = try context.command.string("direction")
        guard let direction = LineDirection(rawValue: text) else { throw context.usageError("--direction: expected income or cost, got \"\(text)\"") }
        return direction
    }

    static var outcomeGroup: CommandGroup {
        let positionals = [committeeArgument, yearArgument]
        let directionOption = OptionSpec("direction", value: "income|cost", .defaulted("cost"), help: "Which line of the object code.")
        return kind("outcome", abstract: "Outcome (utfall) per line and period, entered or imported from the host's ledger.", [
            Subcommand(spec: CommandSpec(
                "record", abstract: "Records one line's outcome for a period; recording the period again replaces it.",
                options: [OptionSpec("line", value: "code", .required, help: "The line's object code."), directionOption,
                          OptionSpec("from", value: "yyyy-MM-dd", .required, help: "The period's first day."),
                          OptionSpec("to", value: "yyyy-MM-dd", .required, help: "The period's last day."),
                          OptionSpec("amount", value: "amount", .required, help: "The amount booked, e.g. \"58 000\"."),
                          OptionSpec("source", value: "text", help: "Where it comes from.")],
                positionals: positionals)) { context in
                let entry = OutcomeEntry(objectCode: try context.command.string("line"), direction: try direction(context),
                                         period: Period(from: try context.date("from"), to: try context.date("to")),
                                         amount: try amount(context, "amount"), source: context.command.stringIfPresent("source"))
                let entries = try context.finance(FinanceMethods.outcomeRecord, OutcomeRecord(year: try yearRef(context), entries: [entry]))
                try context.show(entries, FinanceFollowUpText.outcome)
            },
            Subcommand(spec: CommandSpec(
                "import", abstract: "Imports outcome from a CSV of the host's ledger (objekt;period;belopp[;typ]).",
                options: [OptionSpec("source", value: "text", help: "Where it comes from (the file name when left out).")],
                positionals: positionals + [PositionalSpec("file", help: "The CSV file, or - for standard input.")])) { context in
                let path = try context.command.positional(2)
                let data = try InputFile.read(path, limit: 4 << 20, kind: "an outcome file")
                let request = OutcomeImport(year: try yearRef(context), csv: String(decoding: data, as: UTF8.self),
                                            source: context.command.stringIfPresent("source") ?? path)
                try context.show(try context.finance(FinanceMethods.outcomeImport, request), FinanceFollowUpText.outcome)
            },
            Subcommand(spec: CommandSpec("list", abstract: "Lists a year's outcome entries.", positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.outcomeList, try yearRef(context)), FinanceFollowUpText.outcome)
            },
        ])
    }

    static var forecastGroup: CommandGroup {
        let positionals = [committeeArgument, yearArgument]
        return kind("forecast", abstract: "Forecasts (prognos) per line for the whole year.", [
            Subcommand(spec: CommandSpec(
                "set", abstract: "Sets a line's forecast for the year; a later one replaces it.",
                options: [OptionSpec("line", value: "code", .required, help: "The line's object code."),
                          OptionSpec("direction", value: "income|cost", .defaulted("cost"), help: "Which line of the object code."),
                          OptionSpec("amount", value: "amount", .required, help: "The year's forecast amount."),
                          OptionSpec("as-of", value: "yyyy-MM-dd", help: "The day of the forecast (today when left out)."),
                          OptionSpec("note", value: "text", help: "Why.")],
                positionals: positionals)) { context in
                let forecast = Forecast(objectCode: try context.command.string("line"), direction: try direction(context),
                                        amount: try amount(context, "amount"), asOf: try context.dateOrToday("as-of"),
                                        note: context.command.stringIfPresent("note"))
                let all = try context.finance(FinanceMethods.forecastSet, ForecastSet(year: try yearRef(context), forecasts: [forecast]))
                try context.show(all, FinanceFollowUpText.forecasts)
            },
            Subcommand(spec: CommandSpec("list", abstract: "Lists a year's forecasts.", positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.forecastList, try yearRef(context)), FinanceFollowUpText.forecasts)
            },
        ])
    }

    static var followUpCommand: CommandGroup {
        let spec = CommandSpec(
            "followup", abstract: "Budget, outcome, forecast and deviation per line and in total.",
            discussion: "Deviations are computed (budget − outcome, budget − forecast), never entered.",
            options: [OptionSpec("through", value: "yyyy-MM-dd", help: "Outcome through this day (\"utfall per sista maj\"); all when left out.")],
            positionals: [committeeArgument, yearArgument])
        return CommandGroup(spec: spec, handlers: [["finance", "followup"]: { context in
            let request = FollowUpRequest(year: try yearRef(context), through: try context.dateIfPresent("through"))
            try context.show(try context.finance(FinanceMethods.followUp, request), FinanceFollowUpText.report)
        }])
    }

    static var yearGroup: CommandGroup {
        let positionals = [committeeArgument, yearArgument]
        return kind("year", abstract: "Closing a year: its result carried into next year's budget.", [
            Subcommand(spec: CommandSpec(
                "close", abstract: "Closes an adopted year and carries its result into next year's budget as its own line.",
                discussion: """
                    The result is income outcome − cost outcome. A surplus becomes an allocated
                    cost line (paid back to the parties), a deficit an allocated income line,
                    in next year's draft (or a new draft version of its adopted budget). The
                    closed year is read-only.
                    """,
                options: [OptionSpec("line", value: "code", help: "The carried line's object code (RES-<year> when left out).")],
                positionals: positionals)) { context in
                let closing = try context.finance(FinanceMethods.yearClose,
                                                  YearClose(year: try yearRef(context), objectCode: context.command.stringIfPresent("line")))
                try context.show(closing, FinanceFollowUpText.closing)
            },
            Subcommand(spec: CommandSpec("show", abstract: "Shows a closed year's closing.", positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.yearGet, try yearRef(context)), FinanceFollowUpText.closing)
            },
        ])
    }
}
