import FinanceAPI
import KansliProtocol
import KansliPlatform
import RegistryAPI

/// The rules of billing, as pure functions: which lines and shares a run bills, who invoices
/// and who is invoiced (never the host), the split by VAT scope, VAT to the öre, invoice numbers
/// and what a recipient must have before a run is drafted.
enum BillingRules {
    /// Days from invoice date to due date unless a run says otherwise.
    static let defaultDueDays = 30
    /// The due days a run may give.
    static let dueDaysRange = 1...365
    /// The most invoices and credit notes a committee issues in one calendar year: the serial has
    /// five digits.
    static let maximumSerial = 99_999
    /// The most committees one bankgiro serves (the prefix has at most three digits).
    static let maximumPrefix = 999
    /// The longest reason or note.
    static let maximumTextLength = 2_000
    /// The most problems one refusal lists.
    static let maximumListedProblems = 10

    /// A party and a line billed already, by an invoice that was not credited or a run that has
    /// not issued.
    struct BilledKey: Hashable {
        var party: String
        var objectCode: String
    }

    /// What a draft computes.
    struct Draft: Equatable {
        var lines: [String]
        var period: Period
        var dueDays: Int
        var invoices: [Invoice]
        var hostShares: [HostShare]
        var alreadyBilled: [String]
    }

    /// Drafts the invoices of a run from a budget's stored allocation and the registry's parties.
    /// `billed` holds the shares other runs bill for an overlapping period (with what bills them):
    /// they are left out and listed, so a party whose invoice was credited can be billed again
    /// without billing the others twice.
    static func draft(_ request: BillingDraft, budget: Budget, allocation: BudgetAllocation, facts: BillingFacts,
                      run: Int, billed: [BilledKey: String]) throws -> Draft {
        let period = request.period ?? Period.year(budget.year)
        try check(period: period, year: budget.year)
        let dueDays = request.dueDays ?? defaultDueDays
        guard dueDaysRange.contains(dueDays) else {
            throw ServiceError.validation("the due days must lie between \(dueDaysRange.lowerBound) and \(dueDaysRange.upperBound), not \(dueDays)", field: "dueDays")
        }
        if let note = request.note, note.count > maximumTextLength {
            throw ServiceError.validation("the note is longer than \(maximumTextLength) characters", field: "note")
        }
        let chosen = try lines(request.lines, of: budget)
        var allocations: [(BudgetLine, LineAllocation)] = []
        for line in chosen {
            guard let allocated = allocation.lines.first(where: { $0.objectCode == line.objectCode && $0.name == line.name }) else {
                throw ServiceError.conflict("\(AllocationRefusal.label(line)) has no share in allocation run \(allocation.run); run finance.allocation.run again", field: "lines")
            }
            allocations.append((line, allocated))
        }
        let issuer = try self.issuer(facts)
        var byParty: [String: [(BudgetLine, PartyShare)]] = [:]
        var hostShares: [HostShare] = []
        var alreadyBilled: [String] = []
        for (line, allocated) in allocations {
            for share in allocated.shares {
                if let by = billed[BilledKey(party: share.party, objectCode: line.objectCode)] {
                    alreadyBilled.append("\(share.party) \(line.objectCode): \(by)")
                } else if share.party == issuer.party {
                    hostShares.append(HostShare(party: share.party, objectCode: line.objectCode, name: line.name,
                                                amount: invoiced(share.rounded, of: line), vat: line.vat))
                } else if share.rounded != .zero {
                    byParty[share.party, default: []].append((line, share))
                }
            }
        }
        let recipients = try self.recipients(Set(byParty.keys), facts: facts)
        var invoices: [Invoice] = []
        for recipient in recipients.sorted(by: { ($0.organisationNumber, $0.party) < ($1.organisationNumber, $1.party) }) {
            let shares = byParty[recipient.party] ?? []
            for scope in VATScope.allCases {
                let lines = shares.filter { VATScope($0.0.vat) == scope }.map { line, share in
                    InvoiceLine(objectCode: line.objectCode, name: line.name, net: invoiced(share.rounded, of: line), vat: line.vat,
                                lineAmount: line.amount, weight: share.weight, weightDescription: share.weightDescription)
                }
                guard !lines.isEmpty else { continue }
                let made = invoice(committee: budget.committee, run: run, year: budget.year, issuer: issuer,
                                   recipient: recipient, period: period, scope: scope, lines: lines)
                guard made.total >= .zero else {
                    throw ServiceError.validation("party \(ServiceError.quote(recipient.party)) (\(recipient.name)) would get an invoice of \(made.total): the surplus paid back exceeds what this run bills it; bill the carried line together with the party's income lines", field: "lines")
                }
                invoices.append(made)
            }
        }
        guard !invoices.isEmpty else {
            let why = alreadyBilled.isEmpty ? "only the host has shares in the chosen lines"
                : "every share of the chosen lines for \(period) is billed already (\(alreadyBilled.prefix(3).joined(separator: "; ")) …)"
            throw ServiceError.conflict("nothing is left to invoice: \(why)", field: "lines")
        }
        return Draft(lines: chosen.map(\.objectCode), period: period, dueDays: dueDays, invoices: invoices,
                     hostShares: hostShares, alreadyBilled: alreadyBilled)
    }

    /// An invoice of `lines` (all in one VAT scope) with VAT per treatment and its totals.
    static func invoice(committee: String, run: Int, year: Int, issuer: InvoiceIssuer, recipient: InvoiceRecipient,
                        period: Period, scope: VATScope, lines: [InvoiceLine]) -> Invoice {
        let summaries = vatSummaries(lines)
        let net = lines.reduce(Money.zero) { $0 + $1.net }
        let vat = summaries.reduce(Money.zero) { $0 + $1.amount }
        return Invoice(committee: committee, run: run, year: year, issuer: issuer, recipient: recipient, period: period,
                       scope: scope, lines: lines, vat: summaries, net: net, vatTotal: vat, total: net + vat)
    }

    /// VAT per treatment, in the order treatments first occur: the rate applied once to the sum
    /// of the lines with that treatment (not line by line, so rounding happens once per rate).
    static func vatSummaries(_ lines: [InvoiceLine]) -> [VATSummary] {
        var order: [VATTreatment] = []
        var sums: [VATTreatment: Money] = [:]
        for line in lines {
            if sums[line.vat] == nil { order.append(line.vat) }
            sums[line.vat, default: .zero] = sums[line.vat, default: .zero] + line.net
        }
        return order.map { VATSummary(vat: $0, net: sums[$0]!, amount: vat(on: sums[$0]!, rate: $0.rate)) }
    }

    /// The VAT on `net` at `rate`, rounded to the öre, half away from zero.
    static func vat(on net: Money, rate: VATRate) -> Money {
        let product = net.ore.magnitude * UInt64(rate.percent)
        let rounded = Int64((product + 50) / 100)
        return Money(ore: net.ore < 0 ? -rounded : rounded)
    }

    /// The invoice number: the committee's prefix on its bankgiro, the last two digits of the
    /// series year, and the serial in five digits (prefix 1, 2023, serial 1 → `12300001`). Equal
    /// prefixes have equal lengths, so two committees on one bankgiro never share a number.
    static func invoiceNumber(prefix: Int, year: Int, serial: Int) -> String {
        precondition((1...maximumPrefix).contains(prefix) && (1...maximumSerial).contains(serial))
        let yy = year % 100
        let serialText = String(serial)
        return String(prefix) + (yy < 10 ? "0" : "") + String(yy) + String(repeating: "0", count: 5 - serialText.count) + serialText
    }

    /// The chosen lines: every allocated income line and carried surplus, or the named ones
    /// (each such a line of the budget, none twice), in the budget's order.
    static func lines(_ codes: [String]?, of budget: Budget) throws -> [BudgetLine] {
        let billable = budget.lines.filter(isBillable)
        guard let codes else {
            guard !billable.isEmpty else {
                throw ServiceError.validation("budget \(budget.year) v\(budget.version) has no allocated income line to bill", field: "lines")
            }
            return billable
        }
        guard !codes.isEmpty, codes.count <= BudgetRules.maximumLines else {
            throw ServiceError.validation("name 1 to \(BudgetRules.maximumLines) lines to bill, or none for every allocated income line", field: "lines")
        }
        var seen = Set<String>()
        for (index, code) in codes.enumerated() {
            guard seen.insert(code).inserted else {
                throw ServiceError.validation("line \(ServiceError.quote(code)) is named twice", field: "lines[\(index)]")
            }
            guard billable.contains(where: { $0.objectCode == code }) else {
                throw ServiceError.validation("budget \(budget.year) v\(budget.version) has no allocated income line with object code \(ServiceError.quote(code))", field: "lines[\(index)]")
            }
        }
        return billable.filter { seen.contains($0.objectCode) }
    }

    /// Whether billing bills the line: an allocated income line, or an allocated cost line that
    /// carries an earlier year's surplus back to the parties (billed as a deduction).
    static func isBillable(_ line: BudgetLine) -> Bool {
        line.allocated && (line.direction == .income || line.carriedFrom != nil)
    }

    /// A party's share of a line as an invoice amount: a carried surplus is paid back, so it is
    /// deducted.
    static func invoiced(_ share: Money, of line: BudgetLine) -> Money {
        line.direction == .cost ? Money(ore: -share.ore) : share
    }

    /// A run's period lies within its budget year.
    static func check(period: Period, year: Int) throws {
        guard period.from <= period.to else {
            throw ServiceError.validation("the period ends (\(period.to)) before it starts (\(period.from))", field: "period")
        }
        let budgetYear = Period.year(year)
        guard period.from >= budgetYear.from, period.to <= budgetYear.to else {
            throw ServiceError.validation("the period \(period) lies outside the budget year \(year)", field: "period")
        }
    }

    /// Whether two periods share a day.
    static func overlap(_ a: Period, _ b: Period) -> Bool { a.from <= b.to && b.from <= a.to }

    /// The host, with its bankgiro: the host party that has not left (else the last host).
    static func issuer(_ facts: BillingFacts) throws -> InvoiceIssuer {
        guard let host = facts.parties.last(where: { $0.isHost && $0.leftOn == nil }) ?? facts.parties.last(where: \.isHost) else {
            throw ServiceError.validation("the committee has no host party to invoice from; mark one with registry party update", field: "parties")
        }
        guard let text = host.invoicing.bankgiro, !text.isEmpty else {
            throw ServiceError.validation("cannot bill: the host \(ServiceError.quote(host.code)) (\(host.name)) has no bankgiro for payments; set invoicing.bankgiro on it in the registry", field: "parties.\(host.code).invoicing.bankgiro")
        }
        let bankgiro: Bankgiro
        do {
            bankgiro = try Bankgiro(parsing: text)
        } catch {
            throw ServiceError.validation("cannot bill: the host \(ServiceError.quote(host.code)) (\(host.name)) has an invalid bankgiro: \(error.message)", field: "parties.\(host.code).invoicing.bankgiro")
        }
        return InvoiceIssuer(party: host.code, name: host.name, organisationNumber: host.organisationNumber,
                             bankgiro: bankgiro.description, committeeName: facts.committeeName)
    }

    /// The recipients `codes` name, each with what an invoice needs; refuses, naming every party
    /// and field missing (up to ten), before anything is drafted.
    static func recipients(_ codes: Set<String>, facts: BillingFacts) throws -> [InvoiceRecipient] {
        var problems: [(field: String, text: String)] = []
        var recipients: [InvoiceRecipient] = []
        for party in facts.parties where codes.contains(party.code) {
            let label = "party \(ServiceError.quote(party.code)) (\(party.name))"
            let details = party.invoicing
            var address: InvoiceAddress?
            if let given = details.address, !given.lines.isEmpty, given.lines.allSatisfy({ !$0.trimmingWhitespace().isEmpty }),
               !given.postalCode.trimmingWhitespace().isEmpty, !given.city.trimmingWhitespace().isEmpty {
                address = InvoiceAddress(lines: given.lines, postalCode: given.postalCode, city: given.city)
            } else {
                problems.append(("parties.\(party.code).invoicing.address", "\(label) has no complete invoice address (lines, postal code, city)"))
            }
            let reference = details.buyerReference?.trimmingWhitespace() ?? ""
            if reference.isEmpty {
                problems.append(("parties.\(party.code).invoicing.buyerReference", "\(label) has no buyer's reference"))
            }
            if let address, !reference.isEmpty {
                recipients.append(InvoiceRecipient(party: party.code, name: party.name, organisationNumber: party.organisationNumber,
                                                   address: address, buyerReference: reference, peppolID: details.peppolID))
            }
        }
        for code in codes.sorted() where !facts.parties.contains(where: { $0.code == code }) {
            problems.append(("parties.\(code)", "party \(ServiceError.quote(code)) has a share but is not in the registry"))
        }
        if let first = problems.first {
            let listed = problems.prefix(maximumListedProblems).map(\.text).joined(separator: "; ")
            let more = problems.count > maximumListedProblems ? " (and \(problems.count - maximumListedProblems) more)" : ""
            throw ServiceError.validation("cannot bill: \(listed)\(more); set them with registry party update", field: first.field)
        }
        return recipients
    }
}

extension BillingRules {
    /// The credit note that cancels `invoice` in full: every amount negated, no due date and no
    /// payment reference (nothing is to be paid), the invoice's number in `credits`.
    static func creditNote(of invoice: Invoice, number: String, on day: CalendarDate, reason: String) -> Invoice {
        var credit = invoice
        credit.number = number
        credit.kind = .creditNote
        credit.invoiceDate = day
        credit.dueDate = nil
        credit.paymentReference = nil
        credit.credits = invoice.number
        credit.reason = reason
        credit.lines = invoice.lines.map { line in
            var negated = line
            negated.net = Money(ore: -line.net.ore)
            return negated
        }
        credit.vat = invoice.vat.map { VATSummary(vat: $0.vat, net: Money(ore: -$0.net.ore), amount: Money(ore: -$0.amount.ore)) }
        credit.net = Money(ore: -invoice.net.ore)
        credit.vatTotal = Money(ore: -invoice.vatTotal.ore)
        credit.total = Money(ore: -invoice.total.ore)
        return credit
    }
}
