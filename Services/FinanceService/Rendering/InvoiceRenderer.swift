import FinanceAPI
import KansliPlatform

/// An invoice or credit note as Swedish plain text and as a self-contained HTML page. Rendered
/// by the service, not the CLI, so every client (the CLI, the Python client, a web page) shows
/// the same document and the CLI holds no rules.
enum InvoiceRenderer {
    /// The invoice as text, in a `RenderedDocument`.
    static func textDocument(_ invoice: Invoice) -> RenderedDocument {
        RenderedDocument(format: .text, mediaType: "text/plain; charset=utf-8", fileName: "\(fileStem(invoice)).txt", content: text(invoice))
    }

    /// The invoice as HTML, in a `RenderedDocument`.
    static func htmlDocument(_ invoice: Invoice) -> RenderedDocument {
        RenderedDocument(format: .html, mediaType: "text/html; charset=utf-8", fileName: "\(fileStem(invoice)).html", content: html(invoice))
    }

    static func fileStem(_ invoice: Invoice) -> String {
        "\(invoice.kind == .invoice ? "faktura" : "kreditfaktura")-\(invoice.number ?? "utkast")"
    }

    /// The facts of the header, label and value, in order; shared by both forms.
    static func header(_ invoice: Invoice) -> [(String, String)] {
        var rows: [(String, String)] = [("Fakturanummer", invoice.number ?? "(utkast, inget nummer ännu)")]
        if let date = invoice.invoiceDate { rows.append(("Fakturadatum", date.description)) }
        if let due = invoice.dueDate { rows.append(("Förfallodatum", due.description)) }
        if let reference = invoice.paymentReference { rows.append(("OCR-nummer", reference)) }
        if let credits = invoice.credits { rows.append(("Krediterar faktura", credits)) }
        if let reason = invoice.reason { rows.append(("Orsak", reason)) }
        rows.append(("Er referens", invoice.recipient.buyerReference))
        rows.append(("Avser", "\(invoice.issuer.committeeName), budget \(invoice.year), period \(invoice.period.from)–\(invoice.period.to)"))
        return rows
    }

    static func fromLines(_ invoice: Invoice) -> [String] {
        ["\(invoice.issuer.name)", "Org.nr \(invoice.issuer.organisationNumber)", "Bankgiro \(invoice.issuer.bankgiro)"]
    }

    static func toLines(_ invoice: Invoice) -> [String] {
        [invoice.recipient.name, "Org.nr \(invoice.recipient.organisationNumber)"] + invoice.recipient.address.lines
            + ["\(invoice.recipient.address.postalCode) \(invoice.recipient.address.city)"]
    }

    /// The share as the invoice states it: the exact fraction of the line's amount. The
    /// engine's description of the weight (`weightDescription`) is English, for `--explain`, so
    /// it stays out of a Swedish document; the fraction and the amount determine the share.
    static func allocation(_ line: InvoiceLine) -> String {
        "andel \(line.weight) av \(SwedishFormat.amount(line.lineAmount))"
    }

    static func payment(_ invoice: Invoice) -> String? {
        guard let reference = invoice.paymentReference, let due = invoice.dueDate else {
            return invoice.kind == .creditNote ? "Kreditfakturan betalas inte; den minskar det ni är skyldiga." : nil
        }
        return "Betala \(SwedishFormat.amount(invoice.total)) till bankgiro \(invoice.issuer.bankgiro) med OCR-nummer \(reference) senast \(due)."
    }

    /// Swedish plain text.
    static func text(_ invoice: Invoice) -> String {
        var out: [String] = [SwedishFormat.title(invoice.kind).uppercased(), ""]
        let width = header(invoice).map(\.0.count).max() ?? 0
        for (label, value) in header(invoice) {
            out.append(label + ":" + String(repeating: " ", count: width - label.count + 1) + value)
        }
        out.append("")
        out.append("Från:")
        out += fromLines(invoice).map { "  " + $0 }
        out.append("Till:")
        out += toLines(invoice).map { "  " + $0 }
        out.append("")
        out.append("Rader:")
        for line in invoice.lines {
            out.append("  \(line.objectCode)  \(line.name)  \(SwedishFormat.amount(line.net))  \(SwedishFormat.vat(line.vat))")
            out.append("      Fördelning: \(allocation(line))")
        }
        out.append("")
        out.append("Moms:")
        for summary in invoice.vat {
            out.append("  \(SwedishFormat.vat(summary.vat)): underlag \(SwedishFormat.amount(summary.net)), moms \(SwedishFormat.amount(summary.amount))")
        }
        out.append("")
        out.append("Summa exkl. moms: \(SwedishFormat.amount(invoice.net))")
        out.append("Moms:             \(SwedishFormat.amount(invoice.vatTotal))")
        out.append((invoice.kind == .invoice ? "Att betala:       " : "Att kreditera:    ") + SwedishFormat.amount(invoice.total))
        if let payment = payment(invoice) {
            out.append("")
            out.append(payment)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A self-contained HTML page: `lang="sv"`, UTF-8, styles inline, nothing fetched.
    static func html(_ invoice: Invoice) -> String {
        let e: (String) -> String = { $0.htmlEscaped }
        let title = "\(SwedishFormat.title(invoice.kind)) \(invoice.number ?? "(utkast)")"
        var out = """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
            <meta charset="utf-8">
            <title>\(e(title))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #111; }
            table { border-collapse: collapse; }
            td, th { padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
            td.amount, th.amount { text-align: right; white-space: nowrap; }
            .lines td, .lines th { border-bottom: 1px solid #ccc; }
            .parties td { padding-right: 3em; }
            .small { font-size: 0.85em; color: #444; }
            </style>
            </head>
            <body>
            <h1>\(e(title))</h1>

            """
        out += "<table class=\"header\">\n"
        for (label, value) in header(invoice) { out += "<tr><th>\(e(label))</th><td>\(e(value))</td></tr>\n" }
        out += "</table>\n<table class=\"parties\"><tr>\n"
        out += "<td><strong>Från</strong><br>" + fromLines(invoice).map(e).joined(separator: "<br>") + "</td>\n"
        out += "<td><strong>Till</strong><br>" + toLines(invoice).map(e).joined(separator: "<br>") + "</td>\n"
        out += "</tr></table>\n<h2>Rader</h2>\n<table class=\"lines\">\n"
        out += "<tr><th>Objekt</th><th>Benämning</th><th class=\"amount\">Belopp</th><th>Moms</th></tr>\n"
        for line in invoice.lines {
            out += "<tr><td>\(e(line.objectCode))</td><td>\(e(line.name))<br><span class=\"small\">Fördelning: \(e(allocation(line)))</span></td>"
            out += "<td class=\"amount\">\(e(SwedishFormat.amount(line.net)))</td><td>\(e(SwedishFormat.vat(line.vat)))</td></tr>\n"
        }
        out += "</table>\n<h2>Moms</h2>\n<table class=\"lines\">\n"
        out += "<tr><th>Momsbehandling</th><th class=\"amount\">Underlag</th><th class=\"amount\">Moms</th></tr>\n"
        for summary in invoice.vat {
            out += "<tr><td>\(e(SwedishFormat.vat(summary.vat)))</td><td class=\"amount\">\(e(SwedishFormat.amount(summary.net)))</td>"
            out += "<td class=\"amount\">\(e(SwedishFormat.amount(summary.amount)))</td></tr>\n"
        }
        out += "</table>\n<table class=\"totals\">\n"
        out += "<tr><th>Summa exkl. moms</th><td class=\"amount\">\(e(SwedishFormat.amount(invoice.net)))</td></tr>\n"
        out += "<tr><th>Moms</th><td class=\"amount\">\(e(SwedishFormat.amount(invoice.vatTotal)))</td></tr>\n"
        out += "<tr><th>\(invoice.kind == .invoice ? "Att betala" : "Att kreditera")</th><td class=\"amount\"><strong>\(e(SwedishFormat.amount(invoice.total)))</strong></td></tr>\n"
        out += "</table>\n"
        if let payment = payment(invoice) { out += "<p>\(e(payment))</p>\n" }
        out += "</body>\n</html>\n"
        return out
    }
}
