import FinanceAPI
import KansliProtocol

/// The receivables report as a pure function of the issued invoices, credit notes and payments:
/// what stands on a day counts only what was issued and paid by that day.
enum ReceivablesRules {
    /// Per party (ascending organisationsnummer) and in total: invoiced, credited, paid,
    /// outstanding, and what is outstanding on invoices due before `on`.
    static func report(committee: String, on: CalendarDate, invoices: [Invoice], payments: [Payment]) -> ReceivablesReport {
        let issued = invoices.filter { ($0.invoiceDate ?? on) <= on }
        var credits: [String: Money] = [:]
        for note in issued where note.kind == .creditNote {
            if let target = note.credits { credits[target, default: .zero] = credits[target, default: .zero] + note.total }
        }
        var paid: [String: Money] = [:]
        for payment in payments where payment.paidOn <= on {
            paid[payment.invoice, default: .zero] = paid[payment.invoice, default: .zero] + payment.amount
        }
        var rows: [String: PartyReceivable] = [:]
        var numbers: [String: String] = [:]
        for invoice in issued {
            let party = invoice.recipient.party
            numbers[party] = invoice.recipient.organisationNumber
            var row = rows[party] ?? PartyReceivable(party: party, name: invoice.recipient.name, invoiced: .zero, credited: .zero,
                                                     paid: .zero, outstanding: .zero, overdue: .zero, overdueInvoices: [])
            if invoice.kind == .creditNote {
                row.credited = row.credited + invoice.total
            } else if let number = invoice.number {
                let paidOnIt = paid[number] ?? .zero
                row.invoiced = row.invoiced + invoice.total
                row.paid = row.paid + paidOnIt
                let left = invoice.total + (credits[number] ?? .zero) - paidOnIt
                if let due = invoice.dueDate, (due < on), (left > .zero) {
                    row.overdue = row.overdue + left
                    row.overdueInvoices.append(number)
                }
            }
            row.outstanding = row.invoiced + row.credited - row.paid
            rows[party] = row
        }
        let ordered = rows.values.sorted { (numbers[$0.party] ?? "", $0.party) < (numbers[$1.party] ?? "", $1.party) }
        return ReceivablesReport(committee: committee, on: on, parties: ordered)
    }
}
