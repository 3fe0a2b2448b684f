import FinanceAPI
import KansliArguments
import KansliProtocol

// `kansli finance payment record|list|receivables`.
extension FinanceCommands {
    static var paymentGroup: CommandGroup {
        kind("payment", abstract: "Payments matched by OCR reference, and the receivables report.", [
            Subcommand(spec: CommandSpec(
                "record", abstract: "Records a payment on the bankgiro with its OCR reference.",
                options: [OptionSpec("bankgiro", value: "NNNN-NNNN", .required, help: "The bankgiro it was paid to."),
                          OptionSpec("reference", value: "ocr", .required, help: "The OCR reference it came with."),
                          OptionSpec("amount", value: "amount", .required, help: "The amount paid, e.g. \"80 500\"."),
                          OptionSpec("paid-on", value: "yyyy-MM-dd", help: "The day it was paid (today when left out)."),
                          OptionSpec("note", value: "text", help: "A note.")],
                positionals: [committeeArgument])) { context in
                let text = try context.command.string("amount")
                guard let amount = Money(parsing: text) else { throw context.usageError("--amount: expected an amount such as \"80 500\", got \"\(text)\"") }
                let request = PaymentRecord(committee: try context.command.positional(0), bankgiro: try context.command.string("bankgiro"),
                                            reference: try context.command.string("reference"), amount: amount,
                                            paidOn: try context.dateOrToday("paid-on"), note: context.command.stringIfPresent("note"))
                let payment = try context.finance(FinanceMethods.paymentRecord, request)
                try context.show(payment) {
                    "Payment \($0.id): \(FinanceBillingText.kronor($0.amount)) on invoice \($0.invoice) (\($0.party)), \($0.status.rawValue); outstanding \(FinanceBillingText.kronor($0.outstandingAfter))."
                }
            },
            Subcommand(spec: CommandSpec(
                "list", abstract: "Lists the payments of a committee.",
                options: [OptionSpec("invoice", value: "number", help: "Only those of this invoice.")],
                positionals: [committeeArgument])) { context in
                let request = PaymentListRequest(committee: try context.command.positional(0), invoice: context.command.stringIfPresent("invoice"))
                try context.show(try context.finance(FinanceMethods.paymentList, request), FinanceBillingText.payments)
            },
            Subcommand(spec: CommandSpec(
                "receivables", abstract: "Invoiced, paid, outstanding and overdue per party and in total.",
                options: [OptionSpec("on", value: "yyyy-MM-dd", help: "The day (today when left out); overdue means due before it.")],
                positionals: [committeeArgument])) { context in
                let request = ReceivablesRequest(committee: try context.command.positional(0), on: try context.dateIfPresent("on"))
                try context.show(try context.finance(FinanceMethods.receivables, request), FinanceBillingText.receivables)
            },
        ])
    }
}
