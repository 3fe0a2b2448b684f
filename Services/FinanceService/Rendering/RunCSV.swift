import FinanceAPI

/// A billing run as CSV for a Swedish spreadsheet: UTF-8 with a byte-order mark (without it a
/// spreadsheet guesses a legacy encoding and breaks å, ä, ö), semicolons between fields (the
/// comma is the decimal separator), decimal commas without grouping, a header row, CRLF line
/// ends (RFC 4180). One row per invoice line (`faktura`, `kreditfaktura`), one per VAT
/// treatment of an invoice (`moms`), one per host share (`internt`), so the `Netto` and `Moms`
/// columns sum to the run's total plus the host's shares.
enum RunCSV {
    static let header = ["Typ", "Fakturanummer", "Fakturadatum", "Förfallodatum", "Part", "Namn", "Organisationsnummer",
                         "Objektkod", "Benämning", "Momssats", "Netto", "Moms", "OCR-nummer"]

    /// The run as a `RenderedDocument`.
    static func document(_ run: BillingRun) -> RenderedDocument {
        RenderedDocument(format: .csv, mediaType: "text/csv; charset=utf-8", fileName: "faktureringskorning-\(run.committee)-\(run.run).csv",
                         content: csv(run))
    }

    /// The CSV text, starting with U+FEFF.
    static func csv(_ run: BillingRun) -> String {
        var rows: [[String]] = [header]
        for invoice in run.invoices {
            let common = [invoice.number ?? "", invoice.invoiceDate?.description ?? "", invoice.dueDate?.description ?? "",
                          invoice.recipient.party, invoice.recipient.name, invoice.recipient.organisationNumber]
            let kind = invoice.kind == .invoice ? "faktura" : "kreditfaktura"
            for line in invoice.lines {
                rows.append([kind] + common + [line.objectCode, line.name, SwedishFormat.rate(line.vat.rate),
                                               SwedishFormat.plainAmount(line.net), "", invoice.paymentReference ?? ""])
            }
            for summary in invoice.vat {
                rows.append(["moms"] + common + ["", SwedishFormat.vat(summary.vat), SwedishFormat.rate(summary.vat.rate), "",
                                                 SwedishFormat.plainAmount(summary.amount), invoice.paymentReference ?? ""])
            }
        }
        let host = run.invoices.first?.issuer
        for share in run.hostShares {
            rows.append(["internt", "", "", "", share.party, host?.name ?? "", host?.organisationNumber ?? "",
                         share.objectCode, share.name, SwedishFormat.rate(share.vat.rate), SwedishFormat.plainAmount(share.amount), "", ""])
        }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it holds a separator, a quote or a line break (quotes doubled).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"" }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
