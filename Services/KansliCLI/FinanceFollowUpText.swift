import FinanceAPI

/// How the outcome, forecast, follow-up and closing commands print: tables in kronor, lines as
/// rows, the deviations beside the figures, sums per direction and the result.
enum FinanceFollowUpText {
    static let k = FinanceBillingText.kronor

    static func outcome(_ entries: [OutcomeEntry]) -> String {
        guard !entries.isEmpty else { return "No outcome entries." }
        return FinanceText.table(["line", "direction", "period", "amount", "source"],
                                 entries.map { [$0.objectCode, $0.direction.rawValue, $0.period.description, k($0.amount), $0.source ?? ""] },
                                 left: 3)
    }

    static func forecasts(_ forecasts: [Forecast]) -> String {
        guard !forecasts.isEmpty else { return "No forecasts." }
        return FinanceText.table(["line", "direction", "as of", "amount", "note"],
                                 forecasts.map { [$0.objectCode, $0.direction.rawValue, $0.asOf.description, k($0.amount), $0.note ?? ""] },
                                 left: 3)
    }

    static func report(_ report: FollowUpReport) -> String {
        let through = report.through.map { "outcome through \($0)" } ?? "all outcome"
        var rows = report.lines.map {
            ["\($0.objectCode) \($0.name)", $0.direction.rawValue, k($0.budget), k($0.outcome), $0.forecast.map(k) ?? "-",
             k($0.outcomeDeviation), $0.forecastDeviation.map(k) ?? "-"]
        }
        for (label, totals) in [("income", report.income), ("cost", report.cost), ("result (income − cost)", report.net)] {
            rows.append([label, "", k(totals.budget), k(totals.outcome), k(totals.forecast), k(totals.outcomeDeviation), k(totals.forecastDeviation)])
        }
        var text = "Follow-up of \(report.committee) \(report.year) (budget v\(report.budgetVersion), \(through)), kronor\n\n"
            + FinanceText.table(["line", "direction", "budget", "outcome", "forecast", "budget − outcome", "budget − forecast"], rows, left: 2)
        if !report.objects.isEmpty {
            text += "\n\nOutcome, income vs cost, per object:\n"
                + FinanceText.table(["object", "income", "cost", "income − cost"],
                                    report.objects.map { ["\($0.objectCode) \($0.name)", k($0.incomeOutcome), k($0.costOutcome), k($0.result)] })
        }
        return text
    }

    static func closing(_ closing: YearClosing) -> String {
        var text = "\(closing.committee) \(closing.year) closed by \(closing.closedBy) at \(closing.closedAt): result \(k(closing.result)) kr"
        text += closing.result > .zero ? " (surplus)" : closing.result < .zero ? " (deficit)" : ""
        if let line = closing.carriedLine, let to = closing.carriedTo {
            text += ".\nCarried into budget \(to.year) v\(to.version ?? 1) as \(line.direction.rawValue) line \(line.objectCode) \"\(line.name)\", \(k(line.amount)) kr."
        } else {
            text += "; nothing to carry."
        }
        return text
    }
}
