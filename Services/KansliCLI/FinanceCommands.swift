import FinanceAPI
import Foundation
import KansliArguments
import KansliProtocol

/// `kansli finance …`: budgets and their allocation between the parties (kansli-finance).
enum FinanceCommands {
    static let committeeArgument = PositionalSpec("committee", help: "The committee's code, e.g. NBE.")
    static let yearArgument = PositionalSpec("year", help: "The budget year, e.g. 2023.")
    static let versionOption = OptionSpec("version", value: "n", help: "The budget version (the latest when left out).")

    /// One group: `kansli finance` and everything below it.
    static var groups: [CommandGroup] {
        let parts = [importCommand, budgetGroup, allocationGroup, billingGroup, invoiceGroup, paymentGroup, outcomeGroup,
                     forecastGroup, followUpCommand, yearGroup]
        return [CommandGroup.root("finance", abstract: "Budgets, who pays what, billing runs, invoices and payments (kansli-finance).",
                                  discussion: """
                A budget is named by its committee and year (NBE 2023) and a version (the
                latest unless --version). Amounts are kronor, printed with a space between
                thousands. Reads print tables like the budgets' own (parties as rows, lines
                as columns, a sum row), or the response as JSON with --json (amounts in öre).
                """,
                                  parts: parts)]
    }

    typealias Subcommand = CommandGroup.Leaf

    static func kind(_ name: String, abstract: String, _ subcommands: [Subcommand]) -> CommandGroup {
        CommandGroup.kind(root: "finance", name, abstract: abstract, subcommands)
    }

    /// The budget the positional arguments and `--version` name.
    static func budgetRef(_ context: CLIContext) throws -> BudgetRef {
        BudgetRef(committee: try context.command.positional(0), year: try year(context),
                  version: try context.command.intIfPresent("version", in: 1...100_000))
    }

    static func year(_ context: CLIContext) throws -> Int { try context.positionalYear(1) }

    /// Reads a budget file, bounded, as `InputFile` reads.
    static func readBudgetFile(_ path: String, context: CLIContext) throws -> FinanceBudgetFile {
        try InputFile.json(path, limit: FinanceBudgetFile.maximumBytes, kind: "a budget file", FinanceBudgetFile.init(jsonData:))
    }

    /// `kansli finance import FILE`: every budget of the file, created, allocated and (where the
    /// file says so) adopted, in the file's order.
    static var importCommand: CommandGroup {
        let spec = CommandSpec(
            "import", abstract: "Creates the budgets of a budget file, allocates them and adopts those it says were adopted.",
            discussion: """
                The file is JSON (README, "Finance"): a committee and its budgets, each with
                its lines, amounts in kronor as text. Budgets are imported in the file's
                order; each is allocated (the run is stored) before the next, so a line can
                follow an earlier year's line. A budget that exists already is refused.
                """,
            positionals: [PositionalSpec("file", help: "The budget file (JSON), or - for standard input.")])
        return CommandGroup(spec: spec, handlers: [["finance", "import"]: { context in
            let file = try readBudgetFile(try context.command.positional(0), context: context)
            var imported: [Budget] = []
            for (create, adoption) in try file.requests() {
                var budget = try context.finance(FinanceMethods.budgetCreate, create)
                let reference = BudgetRef(committee: create.committee, year: create.year, version: budget.version)
                if let adoption {
                    budget = try context.finance(FinanceMethods.budgetAdopt, BudgetAdopt(budget: reference, adoption: adoption))
                }
                _ = try context.finance(FinanceMethods.allocationRun, reference)
                imported.append(budget)
            }
            try context.show(imported) { budgets in
                budgets.map { "Imported budget \($0.year) v\($0.version) of \($0.committee): \($0.lines.count) lines, income \($0.total(.income)), \($0.status.rawValue)." }
                    .joined(separator: "\n")
            }
        }])
    }
}

extension CLIContext {
    /// Calls `method` of the finance service.
    func finance<Request, Response>(_ method: Method<Request, Response>, _ request: Request) throws -> Response {
        try client("finance").call(method, request)
    }
}
