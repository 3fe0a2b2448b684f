import FinanceAPI
import KansliArguments
import KansliProtocol

// `kansli finance invoice show|list|render|credit`.
extension FinanceCommands {
    static let numberArgument = PositionalSpec("number", help: "The invoice number, e.g. 12300001.")

    static func invoiceRef(_ context: CLIContext) throws -> InvoiceRef {
        InvoiceRef(committee: try context.command.positional(0), number: try context.command.positional(1))
    }

    static var invoiceGroup: CommandGroup {
        let positionals = [committeeArgument, numberArgument]
        return kind("invoice", abstract: "Issued invoices and credit notes: show, list, render, credit.", [
            Subcommand(spec: CommandSpec("show", abstract: "Shows an issued invoice or credit note.", positionals: positionals)) { context in
                try context.show(try context.finance(FinanceMethods.invoiceGet, try invoiceRef(context)), FinanceBillingText.invoice)
            },
            Subcommand(spec: CommandSpec(
                "list", abstract: "Lists the issued invoices and credit notes of a committee.",
                options: [OptionSpec("run", value: "n", help: "Only those of this billing run."),
                          OptionSpec("party", value: "code", help: "Only those to this party."),
                          OptionSpec("year", value: "yyyy", help: "Only those of this budget year.")],
                positionals: [committeeArgument])) { context in
                let request = InvoiceListRequest(committee: try context.command.positional(0),
                                                 run: try context.command.intIfPresent("run", in: 1...Int(Int32.max)),
                                                 party: context.command.stringIfPresent("party"),
                                                 year: try context.command.intIfPresent("year", in: 1900...2200))
                try context.show(try context.finance(FinanceMethods.invoiceList, request), FinanceBillingText.invoices)
            },
            Subcommand(spec: CommandSpec(
                "render", abstract: "Renders an invoice as Swedish text or self-contained HTML.",
                options: [OptionSpec("format", value: "text|html", .defaulted("text"), help: "text or html."), outputOption],
                positionals: positionals)) { context in
                let name = try context.command.string("format")
                guard let format = DocumentFormat(rawValue: name), format != .csv else {
                    throw context.usageError("--format: expected text or html, got \"\(name)\"")
                }
                try context.emit(try context.finance(FinanceMethods.invoiceRender, InvoiceRender(invoice: try invoiceRef(context), format: format)))
            },
            Subcommand(spec: CommandSpec(
                "credit", abstract: "Issues a credit note that cancels an invoice in full, numbered from the same series.",
                options: [OptionSpec("reason", value: "text", .required, help: "Why the invoice is credited.")],
                positionals: positionals)) { context in
                let credit = try context.finance(FinanceMethods.invoiceCredit,
                                                 CreditNoteCreate(invoice: try invoiceRef(context), reason: try context.command.string("reason")))
                try context.show(credit, FinanceBillingText.invoice)
            },
        ])
    }
}
