import FinanceAPI

/// How documents write amounts and VAT in Swedish: `80 500,00 kr` (a space between thousands,
/// a decimal comma, always two decimals), `80500,00` in CSV so a spreadsheet reads a number.
enum SwedishFormat {
    /// `80 500,00 kr`, `-1 234,50 kr`.
    static func amount(_ money: Money) -> String {
        let magnitude = money.ore.magnitude
        let ore = magnitude % 100
        let text = grouped(magnitude / 100, separator: " ") + "," + (ore < 10 ? "0" : "") + String(ore) + " kr"
        return money.ore < 0 ? "-" + text : text
    }

    /// `80500,00`, `-1234,50`: no grouping, so a spreadsheet with a Swedish locale reads a number.
    static func plainAmount(_ money: Money) -> String {
        let magnitude = money.ore.magnitude
        let ore = magnitude % 100
        let text = String(magnitude / 100) + "," + (ore < 10 ? "0" : "") + String(ore)
        return money.ore < 0 ? "-" + text : text
    }

    /// `25 % moms`, `0 % moms (reason)`, `Utanför momsens tillämpningsområde (reason)`.
    static func vat(_ treatment: VATTreatment) -> String {
        let reason = treatment.reason.map { " (\($0))" } ?? ""
        switch treatment.rate {
        case .standard, .reduced6: return "\(treatment.rate.percent) % moms"
        case .zero: return "0 % moms" + reason
        case .outsideScope: return "Utanför momsens tillämpningsområde" + reason
        }
    }

    /// The rate alone: `25 %`, `0 %`, `utanför`.
    static func rate(_ rate: VATRate) -> String {
        rate == .outsideScope ? "utanför" : "\(rate.percent) %"
    }

    /// `Faktura` or `Kreditfaktura`.
    static func title(_ kind: InvoiceKind) -> String {
        kind == .invoice ? "Faktura" : "Kreditfaktura"
    }

    static func grouped(_ value: UInt64, separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}
