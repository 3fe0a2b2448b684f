import FinanceAPI
import KansliPlatform
import Foundation
import KansliStore
import KansliProtocol
import RegistryAPI
import Testing
@testable import FinanceService

@Suite("Billing runs with the real registry as finance's peer")
struct BillingRunTests {
    let draft2023 = BillingDraft(budget: BudgetRef(committee: "NBE", year: 2023))

    func refusal(_ body: () throws -> Void) -> ServiceError? {
        do {
            try body()
            return nil
        } catch let error as ServiceError {
            return error
        } catch {
            return ServiceError(.internal, "\(error)")
        }
    }

    func billingHosts() throws -> FinanceTestHosts {
        let hosts = try FinanceTestHosts()
        try hosts.giveInvoicingDetails(committee: "NBE")
        try hosts.adoptedBudget()
        return hosts
    }

    @Test("a draft has one invoice per paying party and VAT scope, never the host, whose shares the run lists")
    func draftInvoices() throws {
        let hosts = try billingHosts()
        let run = try hosts.call(FinanceMethods.billingDraft, draft2023)
        #expect(run.status == .draft)
        #expect(run.run == 1)
        #expect(run.draftedBy == "in-process")
        #expect(run.invoices.count == 26, "13 paying parties × (outside the scope, taxed)")
        #expect(!run.invoices.contains { $0.recipient.party == "lulea" })
        #expect(run.hostShares.map(\.objectCode) == ["GRUND", "PLATT"])
        #expect(run.hostShares.map(\.amount) == [Money(kronor: 80_500), Money(kronor: 10_000)])
        #expect(run.invoices.allSatisfy { $0.number == nil && $0.paymentReference == nil })
        for invoice in run.invoices {
            #expect(Set(invoice.lines.map { VATScope($0.vat) }) == [invoice.scope], "an invoice never mixes scopes")
            #expect(invoice.net + invoice.vatTotal == invoice.total)
            #expect(invoice.issuer.bankgiro == FinanceTestHosts.hostBankgiro)
            #expect(invoice.issuer.name == "Luleå kommun")
            #expect(invoice.issuer.committeeName == "Norrbottens e-nämnd")
        }
        let boden = run.invoices.filter { $0.recipient.party == "boden" }
        #expect(boden.map(\.scope) == [.taxed, .outside])
        #expect(boden[0].total == Money(kronor: 12_500))
        #expect(boden[0].vat == [VATSummary(vat: VATTreatment(rate: .standard), net: Money(kronor: 10_000), amount: Money(kronor: 2_500))])
        #expect(boden[1].total == Money(kronor: 80_500))
        #expect(boden[1].vat.first?.vat.reason?.isEmpty == false, "the exemption reason travels with the VAT line")
        #expect(boden[1].recipient.buyerReference == "Ref boden (invented)")
        #expect(boden[1].recipient.address.city == "Testby")
        #expect(boden[1].lines[0].weight == Fraction(1, 14)!)
        #expect(run.total == Money(kronor: 13 * (80_500 + 12_500)))
        let orgnrs = run.invoices.map(\.recipient.organisationNumber)
        #expect(orgnrs == orgnrs.sorted())
    }

    @Test("chosen lines bill only those lines; an unknown or repeated line is refused naming it")
    func chosenLines() throws {
        let hosts = try billingHosts()
        let run = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: draft2023.budget, lines: ["PLATT"]))
        #expect(run.lines == ["PLATT"])
        #expect(run.invoices.count == 13)
        #expect(run.invoices.allSatisfy { $0.scope == .taxed })
        let unknown = refusal { _ = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: draft2023.budget, lines: ["NOPE"])) }
        #expect(unknown?.code == .validation)
        #expect(unknown?.field == "lines[0]")
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: draft2023.budget, lines: ["GRUND", "GRUND"])) }?.field == "lines[1]")
    }

    @Test("a party missing its address or buyer's reference is refused before the run, naming the party and the field")
    func missingDetails() throws {
        let hosts = try FinanceTestHosts()
        try hosts.giveInvoicingDetails(committee: "NBE", except: ["kiruna"])
        try hosts.adoptedBudget()
        let error = refusal { _ = try hosts.call(FinanceMethods.billingDraft, draft2023) }
        #expect(error?.code == .validation)
        #expect(error?.field == "parties.kiruna.invoicing.address")
        #expect(error?.message.contains("\"kiruna\" (Kiruna kommun) has no complete invoice address") == true)
        #expect(error?.message.contains("\"kiruna\" (Kiruna kommun) has no buyer's reference") == true)
        #expect(try hosts.finance.call(FinanceMethods.billingList, BillingListRequest(committee: "NBE"), role: .read).isEmpty, "nothing was drafted")
    }

    @Test("a host without a bankgiro is refused, naming the host's field")
    func hostWithoutBankgiro() throws {
        let hosts = try FinanceTestHosts()
        try hosts.giveInvoicingDetails(committee: "NBE", bankgiro: nil)
        try hosts.adoptedBudget()
        let error = refusal { _ = try hosts.call(FinanceMethods.billingDraft, draft2023) }
        #expect(error?.field == "parties.lulea.invoicing.bankgiro")
    }

    @Test("only an adopted, allocated budget is billed; the period lies in the budget year; due days are bounded")
    func draftPreconditions() throws {
        let hosts = try FinanceTestHosts()
        try hosts.giveInvoicingDetails(committee: "NBE")
        _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: FinanceTestHosts.billingLines))
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingDraft, draft2023) }?.code == .conflict)
        _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: draft2023.budget, adoption: Adoption(
            protocolDate: CalendarDate("2022-06-22")!, paragraph: 12, justeratOn: CalendarDate("2022-06-29")!)))
        let unallocated = refusal { _ = try hosts.call(FinanceMethods.billingDraft, draft2023) }
        #expect(unallocated?.message.contains("finance.allocation.run") == true)
        _ = try hosts.call(FinanceMethods.allocationRun, draft2023.budget)
        let outside = Period(from: CalendarDate("2022-12-01")!, to: CalendarDate("2023-01-31")!)
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: draft2023.budget, period: outside)) }?.field == "period")
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: draft2023.budget, dueDays: 0)) }?.field == "dueDays")
    }

    @Test("approval needs a second key and the total reviewed; the approver and time are recorded")
    func approval() throws {
        let hosts = try billingHosts()
        let run = try hosts.call(FinanceMethods.billingDraft, draft2023)
        let reference = BillingRunRef(committee: "NBE", run: run.run)
        let same = refusal { _ = try hosts.call(FinanceMethods.billingApprove, BillingApprove(run: reference, total: run.total)) }
        #expect(same?.code == .conflict)
        #expect(same?.message.contains("second person") == true)
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingIssue, reference) }?.message.contains("not approved") == true)
        let wrongTotal = refusal {
            _ = try hosts.finance.call(FinanceMethods.billingApprove, BillingApprove(run: reference, total: run.total + Money(ore: 1)),
                                       keyID: "approver", role: .write)
        }
        #expect(wrongTotal?.field == "total")
        let approved = try hosts.approve(run)
        #expect(approved.status == .approved)
        #expect(approved.approvedBy == "approver")
        #expect(approved.approvedAt?.hasSuffix("Z") == true)
        let stored = try hosts.finance.call(FinanceMethods.billingGet, reference, role: .read)
        #expect(stored.invoices == run.invoices, "approval changes no invoice")
        #expect(stored.approvedBy == "approver")
    }

    @Test("issuing numbers every invoice gap-free from 1 with a valid OCR and 30 days to pay; issuing again bills nothing twice")
    func issue() throws {
        let hosts = try billingHosts()
        let issued = try hosts.issuedRun(draft2023)
        #expect(issued.status == .issued)
        let today = CalendarDate.today()
        let yy = String(today.year % 100)
        #expect(issued.invoices.map(\.number) == (1...26).map { "1" + yy + String(repeating: "0", count: 5 - String($0).count) + String($0) })
        for invoice in issued.invoices {
            #expect(invoice.invoiceDate == today)
            #expect(invoice.dueDate == today.adding(days: 30))
            #expect(invoice.paymentReference.map(OCRReference.isValid) == true)
            #expect(invoice.paymentReference.flatMap(OCRReference.payload) == invoice.number)
        }
        let again = try hosts.call(FinanceMethods.billingIssue, BillingRunRef(committee: "NBE", run: 1))
        #expect(again == BillingRunSummary(issued))
        #expect(again.firstNumber == issued.invoices.first?.number)
        #expect(again.lastNumber == issued.invoices.last?.number)
        #expect(try hosts.finance.call(FinanceMethods.billingGet, BillingRunRef(committee: "NBE", run: 1), role: .read) == issued)
        let stored = try hosts.finance.call(FinanceMethods.invoiceList, InvoiceListRequest(committee: "NBE"), role: .read)
        #expect(stored.count == 26)
        #expect(stored == issued.invoices)
        // A second run over the same lines and period finds nothing left to bill.
        let second = refusal { _ = try hosts.call(FinanceMethods.billingDraft, draft2023) }
        #expect(second?.code == .conflict)
        #expect(second?.message.contains("billed already") == true)
        #expect(second?.message.contains("nothing is left to invoice") == true)
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingCancel, BillingRunRef(committee: "NBE", run: 1)) }?.code == .conflict)
    }

    @Test("runs for separate periods continue the series; a cancelled run frees its lines and takes no number")
    func seriesAcrossRuns() throws {
        let hosts = try billingHosts()
        let firstHalf = Period(from: CalendarDate("2023-01-01")!, to: CalendarDate("2023-06-30")!)
        let secondHalf = Period(from: CalendarDate("2023-07-01")!, to: CalendarDate("2023-12-31")!)
        let cancelled = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: draft2023.budget, lines: ["PLATT"], period: firstHalf))
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: draft2023.budget, lines: ["PLATT"], period: firstHalf)) }?.code == .conflict,
                "a pending draft holds its shares")
        _ = try hosts.call(FinanceMethods.billingCancel, BillingRunRef(committee: "NBE", run: cancelled.run))
        let one = try hosts.issuedRun(BillingDraft(budget: draft2023.budget, lines: ["PLATT"], period: firstHalf))
        let two = try hosts.issuedRun(BillingDraft(budget: draft2023.budget, lines: ["PLATT"], period: secondHalf))
        #expect(one.run == 2)
        #expect(two.run == 3)
        let serials = (one.invoices + two.invoices).compactMap(\.number).map { Int($0.suffix(5))! }
        #expect(serials == Array(1...26))
    }

    @Test("a credit note takes the next number and references the invoice; the party can then be billed again, alone")
    func creditAndRebill() throws {
        let hosts = try billingHosts()
        let issued = try hosts.issuedRun(BillingDraft(budget: draft2023.budget, lines: ["GRUND"]))
        let boden = try #require(issued.invoices.first { $0.recipient.party == "boden" })
        let number = try #require(boden.number)
        #expect(refusal { _ = try hosts.call(FinanceMethods.invoiceCredit, CreditNoteCreate(invoice: InvoiceRef(committee: "NBE", number: number), reason: " ")) }?.field == "reason")
        let credit = try hosts.call(FinanceMethods.invoiceCredit, CreditNoteCreate(invoice: InvoiceRef(committee: "NBE", number: number), reason: "fel mottagare"))
        #expect(credit.kind == .creditNote)
        #expect(credit.credits == number)
        #expect(credit.number.map { Int($0.suffix(5))! } == 14, "13 invoices, then the credit note")
        #expect(credit.total == Money(kronor: -80_500))
        #expect(refusal { _ = try hosts.call(FinanceMethods.invoiceCredit, CreditNoteCreate(invoice: InvoiceRef(committee: "NBE", number: number), reason: "igen")) }?.code == .conflict)
        let rebill = try hosts.issuedRun(BillingDraft(budget: draft2023.budget, lines: ["GRUND"]))
        #expect(rebill.invoices.map(\.recipient.party) == ["boden"])
        #expect(rebill.alreadyBilled.count == 13, "12 paying parties and the host")
        #expect(rebill.hostShares.isEmpty, "the host's share was booked by the first run")
        #expect(rebill.invoices.first?.number.map { Int($0.suffix(5))! } == 15)
    }

    @Test("payments are matched by OCR: partial, full, overpaid; receivables show outstanding and overdue per party and in total")
    func paymentsAndReceivables() throws {
        let hosts = try billingHosts()
        let issued = try hosts.issuedRun(BillingDraft(budget: draft2023.budget, lines: ["GRUND"]))
        let boden = try #require(issued.invoices.first { $0.recipient.party == "boden" })
        let kiruna = try #require(issued.invoices.first { $0.recipient.party == "kiruna" })
        let reference = try #require(boden.paymentReference)
        let day = CalendarDate.today()
        func pay(_ reference: String, _ kronor: Int64, bankgiro: String = FinanceTestHosts.hostBankgiro) throws -> Payment {
            try hosts.call(FinanceMethods.paymentRecord, PaymentRecord(committee: "NBE", bankgiro: bankgiro, reference: reference,
                                                                      amount: Money(kronor: kronor), paidOn: day))
        }
        let part = try pay(reference, 30_000)
        #expect(part.status == .partial)
        #expect(part.outstandingAfter == Money(kronor: 50_500))
        #expect(part.invoice == boden.number)
        let rest = try pay(reference, 50_500)
        #expect(rest.status == .full)
        #expect(rest.id == 2)
        #expect(try pay(try #require(kiruna.paymentReference), 90_000).status == .overpaid)
        let bad = String(reference.dropLast()) + String((Int(String(reference.last!))! + 1) % 10)
        #expect(refusal { _ = try pay(bad, 1) }?.field == "reference")
        #expect(refusal { _ = try pay(try #require(OCRReference.make(from: "99999")), 1) }?.code == .notFound)
        #expect(refusal { _ = try pay(reference, 1, bankgiro: "5050-1056") }?.field == "bankgiro")
        #expect(refusal { _ = try pay(reference, 0) }?.field == "amount")

        let later = day.adding(days: 31)
        let report = try hosts.finance.call(FinanceMethods.receivables, ReceivablesRequest(committee: "NBE", on: later), role: .read)
        #expect(report.parties.count == 13)
        #expect(report.invoiced == Money(kronor: 13 * 80_500))
        #expect(report.paid == Money(kronor: 80_500 + 90_000))
        #expect(report.outstanding == Money(kronor: 13 * 80_500 - 170_500))
        #expect(report.overdue == Money(kronor: 11 * 80_500), "boden paid in full, kiruna overpaid")
        let bodenRow = try #require(report.parties.first { $0.party == "boden" })
        #expect(bodenRow.outstanding == .zero)
        #expect(bodenRow.overdueInvoices.isEmpty)
        let pitea = try #require(report.parties.first { $0.party == "pitea" })
        #expect(pitea.overdue == Money(kronor: 80_500))
        #expect(pitea.overdueInvoices.count == 1)
        let onDueDay = try hosts.finance.call(FinanceMethods.receivables, ReceivablesRequest(committee: "NBE", on: day.adding(days: 30)), role: .read)
        #expect(onDueDay.overdue == .zero, "due on the due date is not overdue yet")
        #expect(try hosts.finance.call(FinanceMethods.paymentList, PaymentListRequest(committee: "NBE", invoice: boden.number), role: .read).count == 2)
    }

    @Test("two committees on one bankgiro get different prefixes, so numbers and OCR references never collide")
    func sharedBankgiro() throws {
        let hosts = try billingHosts()
        try hosts.giveInvoicingDetails(committee: "GNS")
        try hosts.adoptedBudget(committee: "GNS", year: 2023, lines: [SeedCommittees.line("BAS", "Basfinansiering", kronor: 914_400, model: .equal)])
        let nbe = try hosts.issuedRun(draft2023)
        let gns = try hosts.issuedRun(BillingDraft(budget: BudgetRef(committee: "GNS", year: 2023)))
        #expect(gns.invoices.count == 8)
        #expect(nbe.invoices.allSatisfy { $0.number?.hasPrefix("1") == true })
        #expect(gns.invoices.allSatisfy { $0.number?.hasPrefix("2") == true })
        let references = (nbe.invoices + gns.invoices).compactMap(\.paymentReference)
        #expect(Set(references).count == references.count)
        #expect(Int(gns.invoices[0].number!.suffix(5)) == 1, "each committee's series starts at 1")
    }

    @Test("invoices render as Swedish text and self-contained HTML; a run exports as CSV with BOM, semicolons and decimal commas")
    func rendering() throws {
        let hosts = try billingHosts()
        let issued = try hosts.issuedRun(draft2023)
        let invoice = try #require(issued.invoices.first { $0.recipient.party == "boden" && $0.scope == .outside })
        let reference = InvoiceRef(committee: "NBE", number: try #require(invoice.number))
        let text = try hosts.finance.call(FinanceMethods.invoiceRender, InvoiceRender(invoice: reference, format: .text), role: .read)
        #expect(text.content.hasPrefix("FAKTURA\n"))
        #expect(text.content.contains("Att betala:       80 500,00 kr"))
        #expect(text.content.contains("OCR-nummer"))
        #expect(text.content.contains(invoice.paymentReference!))
        #expect(text.content.contains("Bankgiro 5050-1055"))
        #expect(text.content.contains("Org.nr 212000-2767"))
        #expect(text.content.contains("Er referens"))
        #expect(text.content.contains("Utanför momsens tillämpningsområde"))
        #expect(text.content.contains("Förfallodatum: \(invoice.dueDate!)"))
        let html = try hosts.finance.call(FinanceMethods.invoiceRender, InvoiceRender(invoice: reference, format: .html), role: .read)
        #expect(html.content.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(html.content.contains("<meta charset=\"utf-8\">"))
        #expect(html.content.contains("80 500,00 kr"))
        #expect(!html.content.contains("http"), "self-contained: nothing fetched")
        #expect(html.fileName == "faktura-\(reference.number).html")
        #expect(refusal { _ = try hosts.finance.call(FinanceMethods.invoiceRender, InvoiceRender(invoice: reference, format: .csv), role: .read) }?.field == "format")

        let csv = try hosts.finance.call(FinanceMethods.billingExport, BillingRunRef(committee: "NBE", run: 1), role: .read).content
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        let rows = csv.dropFirst().split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == RunCSV.header)
        #expect(rows.allSatisfy { $0.count == RunCSV.header.count })
        let bodenGrund = try #require(rows.first { $0[0] == "faktura" && $0[4] == "boden" && $0[7] == "GRUND" })
        #expect(bodenGrund[10] == "80500,00")
        #expect(bodenGrund[9] == "utanför")
        // The Netto and Moms columns sum to the invoices' totals plus the host's shares.
        func ore(_ text: String) -> Int64 { text.isEmpty ? 0 : Int64(text.replacingOccurrences(of: ",", with: ""))! }
        let sum = rows.dropFirst().reduce(Int64(0)) { $0 + ore($1[10]) + ore($1[11]) }
        #expect(sum == issued.total.ore + issued.hostShares.reduce(0) { $0 + $1.amount.ore })
        #expect(rows.filter { $0[0] == "internt" }.count == 2)
    }

    @Test("a field with a semicolon or a quote is quoted in the CSV")
    func csvQuoting() {
        #expect(RunCSV.field("a;b") == "\"a;b\"")
        #expect(RunCSV.field("sa \"x\"") == "\"sa \"\"x\"\"\"")
        #expect(RunCSV.field("Grundfinansiering") == "Grundfinansiering")
        #expect(SwedishFormat.amount(Money(ore: 8_050_000)) == "80 500,00 kr")
        #expect(SwedishFormat.amount(Money(ore: -123_456)) == "-1 234,56 kr")
        #expect(SwedishFormat.plainAmount(Money(ore: 5)) == "0,05")
        #expect("<a href=\"x\">&'".htmlEscaped == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }

    @Test("while the registry is down a draft is unavailable and nothing is written")
    func registryDown() throws {
        let down = try FinanceTestHosts(registryDown: true)
        #expect(refusal { _ = try down.call(FinanceMethods.billingDraft, draft2023) }?.code == .unavailable)
    }

    @Test("a failure in the middle of issuing (the fifth invoice's insert) leaves nothing issued and no number used; issuing again converges")
    func interruptedIssue() throws {
        let hosts = try billingHosts()
        let run = try hosts.call(FinanceMethods.billingDraft, draft2023)
        _ = try hosts.approve(run)
        let reference = BillingRunRef(committee: "NBE", run: run.run)
        // A second connection to finance's database makes the fifth insert fail, as a crash
        // there would: after four invoices are written inside the issuing transaction.
        let database = try Database(path: hosts.directory.file("finance.sqlite"))
        try database.write {
            try $0.execute("CREATE TRIGGER injected_failure AFTER INSERT ON invoice WHEN NEW.serial = 5 BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        }
        #expect(refusal { _ = try hosts.call(FinanceMethods.billingIssue, reference) } != nil)
        #expect(try hosts.finance.call(FinanceMethods.invoiceList, InvoiceListRequest(committee: "NBE"), role: .read).isEmpty)
        #expect(try hosts.finance.call(FinanceMethods.billingGet, reference, role: .read).status == .approved)
        let series = try database.read { try $0.queryOne("SELECT COUNT(*) FROM invoice_series")?.get(0, as: Int64.self) }
        #expect(series == 0, "no serial was kept")
        try database.write { try $0.execute("DROP TRIGGER injected_failure") }
        let issued = try hosts.call(FinanceMethods.billingIssue, reference)
        #expect(issued.status == .issued)
        let numbers = try hosts.finance.call(FinanceMethods.invoiceList, InvoiceListRequest(committee: "NBE"), role: .read).compactMap(\.number)
        #expect(numbers.map { Int($0.suffix(5))! } == Array(1...26))
    }
}
