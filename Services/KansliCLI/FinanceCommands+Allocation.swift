import FinanceAPI
import KansliArguments
import KansliProtocol

// `kansli finance allocation preview|run|show`.
extension FinanceCommands {
    static var allocationGroup: CommandGroup {
        let positionals = [committeeArgument, yearArgument]
        let explain = FlagSpec("explain", help: "Also print each line's explanation: weights, exact shares, adjustments.")
        func render(_ context: CLIContext) -> (BudgetAllocation) -> String {
            let explaining = context.command.flag("explain")
            return { FinanceText.allocation($0, explain: explaining) }
        }
        return kind("allocation", abstract: "Who pays what: each line divided among the parties, exact and explained.", [
            Subcommand(spec: CommandSpec("preview", abstract: "Allocates a budget with the registry's current figures; stores nothing.",
                                         options: [versionOption], flags: [explain], positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.allocationPreview, try budgetRef(context)), render(context))
            },
            Subcommand(spec: CommandSpec("run", abstract: "Allocates a budget and stores the result with its inputs.",
                                         options: [versionOption], flags: [explain], positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.allocationRun, try budgetRef(context)), render(context))
            },
            Subcommand(spec: CommandSpec("show", abstract: "Shows the latest stored allocation of a budget.",
                                         options: [versionOption], flags: [explain], positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.allocationGet, try budgetRef(context)), render(context))
            },
            Subcommand(spec: CommandSpec(
                "diff", abstract: "Compares the latest stored allocation with one computed from today's registry figures.",
                discussion: """
                    Nothing is stored: a stored run is never rewritten, and `allocation run`
                    stores a new one. Lists every share that would change and every party
                    fact or key figure that changed since the stored run.
                    """,
                options: [versionOption], positionals: positionals)) { context in
                let reference = try budgetRef(context)
                let stored = try context.finance(FinanceMethods.allocationGet, reference)
                let now = try context.finance(FinanceMethods.allocationPreview, reference)
                let changes = FinanceText.differences(from: stored, to: now)
                try context.show(changes) { changes in
                    changes.isEmpty ? "Run \(stored.run) is what today's figures give: no difference."
                        : "Run \(stored.run) against today's figures:\n" + changes.map { "- " + $0 }.joined(separator: "\n")
                }
            },
        ])
    }
}
