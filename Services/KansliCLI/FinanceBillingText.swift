import FinanceAPI

/// How the billing, invoice and payment commands print: tables of runs, invoices and
/// receivables with amounts in kronor and öre. A whole invoice as a document comes rendered
/// from the service (`invoice render`); this prints summaries only.
enum FinanceBillingText {
    /// `80 500,00`.
    static func kronor(_ money: Money) -> String {
        let magnitude = money.ore.magnitude
        let text = Money(ore: Int64(magnitude / 100) * 100).formatted(unit: false) + "," + (magnitude % 100 < 10 ? "0" : "") + String(magnitude % 100)
        return money.ore < 0 ? "-" + text : text
    }

    static func run(_ run: BillingRun) -> String {
        var text = "Billing run \(run.run) of \(run.committee): budget \(run.year) v\(run.budgetVersion), allocation run \(run.allocationRun), \(run.status.rawValue)\n"
        text += "Period \(run.period), due \(run.dueDays) days after the invoice date. Lines: \(run.lines.joined(separator: ", ")).\n"
        text += "Drafted by \(run.draftedBy) at \(run.draftedAt)"
        if let by = run.approvedBy { text += "; approved by \(by) at \(run.approvedAt ?? "")" }
        if let by = run.issuedBy { text += "; issued by \(by) at \(run.issuedAt ?? "")" }
        text += ".\n\n"
        text += invoices(run.invoices) + "\n\n"
        text += "Total invoiced: \(kronor(run.total)) kr\n"
        if !run.hostShares.isEmpty {
            text += "\nThe host's shares (booked internally, not invoiced):\n"
            text += FinanceText.table(["party", "line", "amount"], run.hostShares.map { [$0.party, "\($0.objectCode) \($0.name)", kronor($0.amount)] }, left: 2)
            text += "\n"
        }
        if !run.alreadyBilled.isEmpty {
            text += "\nLeft out, billed by another run:\n" + run.alreadyBilled.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        return String(text.dropLast())
    }

    static func runs(_ runs: [BillingRunSummary]) -> String {
        guard !runs.isEmpty else { return "No billing runs." }
        return FinanceText.table(["run", "year", "status", "period", "invoices", "total"],
                                 runs.map { ["\($0.run)", "\($0.year)", $0.status.rawValue, $0.period.description, "\($0.invoices)", kronor($0.total)] },
                                 left: 4)
    }

    static func invoices(_ invoices: [Invoice]) -> String {
        guard !invoices.isEmpty else { return "No invoices." }
        let rows = invoices.map {
            [$0.number ?? "(draft)", $0.kind == .invoice ? "invoice" : "credit note", $0.recipient.party, $0.scope.rawValue,
             $0.dueDate?.description ?? "", $0.paymentReference ?? "", kronor($0.net), kronor($0.vatTotal), kronor($0.total)]
        }
        let sum = ["sum", "", "", "", "", "", kronor(invoices.reduce(.zero) { $0 + $1.net }),
                   kronor(invoices.reduce(.zero) { $0 + $1.vatTotal }), kronor(invoices.reduce(.zero) { $0 + $1.total })]
        return FinanceText.table(["number", "kind", "party", "VAT", "due", "OCR", "net", "VAT", "total"], rows, sumRow: sum, left: 6)
    }

    static func invoice(_ invoice: Invoice) -> String {
        var text = "\(invoice.kind == .invoice ? "Invoice" : "Credit note") \(invoice.number ?? "(draft)") to \(invoice.recipient.name) (\(invoice.recipient.party))"
        if let credits = invoice.credits { text += ", crediting \(credits)" }
        text += "\nDate \(invoice.invoiceDate?.description ?? "-"), due \(invoice.dueDate?.description ?? "-"), OCR \(invoice.paymentReference ?? "-")\n\n"
        text += FinanceText.table(["line", "name", "net", "VAT"], invoice.lines.map { [$0.objectCode, $0.name, kronor($0.net), $0.vat.description] }, left: 2)
        text += "\n\nNet \(kronor(invoice.net)) kr, VAT \(kronor(invoice.vatTotal)) kr, total \(kronor(invoice.total)) kr."
        text += "\n(kansli finance invoice render for the whole document.)"
        return text
    }

    static func payments(_ payments: [Payment]) -> String {
        guard !payments.isEmpty else { return "No payments." }
        return FinanceText.table(["id", "invoice", "party", "paid on", "status", "amount", "outstanding"],
                                 payments.map { ["\($0.id)", $0.invoice, $0.party, $0.paidOn.description, $0.status.rawValue, kronor($0.amount), kronor($0.outstandingAfter)] },
                                 left: 5)
    }

    static func receivables(_ report: ReceivablesReport) -> String {
        let rows = report.parties.map { [$0.party, kronor($0.invoiced), kronor($0.credited), kronor($0.paid), kronor($0.outstanding), kronor($0.overdue)] }
        let sum = ["total", kronor(report.invoiced), kronor(report.credited), kronor(report.paid), kronor(report.outstanding), kronor(report.overdue)]
        return "Receivables of \(report.committee) on \(report.on), kronor\n\n"
            + FinanceText.table(["party", "invoiced", "credited", "paid", "outstanding", "overdue"], rows, sumRow: sum)
    }
}
