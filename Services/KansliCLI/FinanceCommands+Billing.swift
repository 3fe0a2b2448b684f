import FinanceAPI
import Foundation
import KansliArguments
import KansliProtocol

// `kansli finance billing draft|show|list|approve|issue|cancel|export`.
extension FinanceCommands {
    static let runArgument = PositionalSpec("run", help: "The billing run's number, e.g. 1.")
    static let outputOption = OptionSpec("output", value: "file", help: "Write the document to this file instead of standard output.")

    /// The run the committee and run positionals name.
    static func runRef(_ context: CLIContext) throws -> BillingRunRef {
        let text = try context.command.positional(1)
        guard let run = Int(text), run >= 1 else { throw context.usageError("<run>: expected a run number such as 1, got \"\(text)\"") }
        return BillingRunRef(committee: try context.command.positional(0), run: run)
    }

    static var billingGroup: CommandGroup {
        let runPositionals = [committeeArgument, runArgument]
        return kind("billing", abstract: "Billing runs: draft, review, approval by a second person, issue.", [
            Subcommand(spec: CommandSpec(
                "draft", abstract: "Drafts a billing run over an adopted, allocated budget: one invoice per paying party and VAT scope.",
                discussion: """
                    Bills the latest stored allocation of the budget's allocated income lines
                    (or those --line names) for the budget year (or --from/--to). The host is
                    never invoiced: its shares are listed. A party without an invoice address
                    or buyer's reference in the registry is refused, named with the field.
                    Review the draft (billing show), then someone else approves it.
                    """,
                options: [versionOption,
                          OptionSpec("line", value: "code", .repeatable, help: "An object code to bill (repeat for more); every allocated income line when left out."),
                          OptionSpec("from", value: "yyyy-MM-dd", help: "The first day the invoices cover (with --to)."),
                          OptionSpec("to", value: "yyyy-MM-dd", help: "The last day the invoices cover (with --from)."),
                          OptionSpec("due-days", value: "n", help: "Days from invoice date to due date (30 when left out)."),
                          OptionSpec("note", value: "text", help: "A note on the run.")],
                positionals: [committeeArgument, yearArgument])) { context in
                let from = try context.dateIfPresent("from"), to = try context.dateIfPresent("to")
                guard (from == nil) == (to == nil) else { throw context.usageError("--from and --to go together") }
                let lines = context.command.strings("line")
                let request = BillingDraft(budget: try budgetRef(context), lines: lines.isEmpty ? nil : lines,
                                           period: from.map { Period(from: $0, to: to!) },
                                           dueDays: try context.command.intIfPresent("due-days", in: 1...365),
                                           note: context.command.stringIfPresent("note"))
                try context.show(try context.finance(FinanceMethods.billingDraft, request), FinanceBillingText.run)
            },
            Subcommand(spec: CommandSpec("show", abstract: "Shows a billing run: its invoices, the host's shares and who approved it.",
                                         positionals: runPositionals)) { context in
                try context.show(try context.finance(FinanceMethods.billingGet, try runRef(context)), FinanceBillingText.run)
            },
            Subcommand(spec: CommandSpec("list", abstract: "Lists the billing runs of a committee.", positionals: [committeeArgument])) { context in
                let runs = try context.finance(FinanceMethods.billingList, BillingListRequest(committee: try context.command.positional(0)))
                try context.show(runs, FinanceBillingText.runs)
            },
            Subcommand(spec: CommandSpec(
                "approve", abstract: "Approves (attesterar) a drafted run; the key must not be the drafter's.",
                discussion: """
                    --total is the total you reviewed (billing show); the run is approved only
                    if it still totals that, so what you approve is what issues.
                    """,
                options: [OptionSpec("total", value: "amount", .required, help: "The run's total as reviewed, e.g. \"1 209 000 kr\".")],
                positionals: runPositionals)) { context in
                let text = try context.command.string("total")
                guard let total = Money(parsing: text) else { throw context.usageError("--total: expected an amount such as \"1 209 000 kr\", got \"\(text)\"") }
                let run = try context.finance(FinanceMethods.billingApprove, BillingApprove(run: try runRef(context), total: total))
                try context.show(run) { "Billing run \($0.run) of \($0.committee) (\($0.invoices) invoices, \(FinanceBillingText.kronor($0.total))) is approved by \($0.approvedBy ?? "") at \($0.approvedAt ?? "")." }
            },
            Subcommand(spec: CommandSpec(
                "issue", abstract: "Issues an approved run: numbers, dates and OCR references, all in one transaction.",
                discussion: "Safe to run again: an issued run is returned unchanged, and a run interrupted before it committed is issued whole.",
                positionals: runPositionals)) { context in
                let run = try context.finance(FinanceMethods.billingIssue, try runRef(context))
                try context.show(run) { run in
                    let numbers = run.firstNumber.map { first in " \(first)–\(run.lastNumber ?? first)" } ?? ""
                    return "Billing run \(run.run) of \(run.committee) is issued: \(run.invoices) invoices\(numbers), "
                        + "\(FinanceBillingText.kronor(run.total)) kr (billing show prints them)."
                }
            },
            Subcommand(spec: CommandSpec("cancel", abstract: "Cancels a run that has not issued.", positionals: runPositionals)) { context in
                let run = try context.finance(FinanceMethods.billingCancel, try runRef(context))
                try context.show(run) { "Billing run \($0.run) of \($0.committee) is \($0.status.rawValue)." }
            },
            Subcommand(spec: CommandSpec(
                "export", abstract: "Exports a run as CSV for a spreadsheet (semicolons, decimal comma, UTF-8 with BOM).",
                options: [outputOption], positionals: runPositionals)) { context in
                try context.emit(try context.finance(FinanceMethods.billingExport, try runRef(context)))
            },
        ])
    }
}

extension CLIContext {
    /// Writes a rendered document to `--output` (reporting where) or standard output; with
    /// `--json`, prints the whole `RenderedDocument`.
    func emit(_ document: RenderedDocument) throws {
        if json { return try printJSON(document) }
        guard let path = command.stringIfPresent("output") else {
            output.line(document.content.hasSuffix("\n") ? String(document.content.dropLast()) : document.content)
            return
        }
        do {
            try Data(document.content.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ServiceError(.internal, "cannot write \"\(path)\": \(error.localizedDescription)", field: "output")
        }
        output.line("Wrote \(document.fileName) (\(document.mediaType)) to \(path).")
    }
}
