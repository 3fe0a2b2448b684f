import FinanceAPI
import KansliProtocol
import Testing
@testable import FinanceService

@Suite("Outcome, forecast, deviation and closing a year")
struct FollowUpTests {
    let gns2018 = YearRef(committee: "GNS", year: 2018)

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

    /// Jämtland 2018 as an illustration: base funding 914 400 kr in, staff and services out.
    static let lines2018: [BudgetLine] = [
        SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 914_400, model: .equal),
        BudgetLine(objectCode: "PERS", name: "Personal", direction: .cost, amount: Money(kronor: 700_000), unit: Money(kronor: 1),
                   model: .equal, allocated: false),
        BudgetLine(objectCode: "TJ", name: "Tjänster", direction: .cost, amount: Money(kronor: 214_400), unit: Money(kronor: 1),
                   model: .equal, allocated: false),
    ]

    func hosts() throws -> FinanceTestHosts {
        let hosts = try FinanceTestHosts()
        try hosts.adoptedBudget(committee: "GNS", year: 2018, lines: Self.lines2018)
        return hosts
    }

    func entry(_ code: String, _ direction: LineDirection, _ month: Int, kronor: Int64) -> OutcomeEntry {
        OutcomeEntry(objectCode: code, direction: direction, period: Period(
            from: CalendarDate(year: 2018, month: month, day: 1)!,
            to: CalendarDate(year: 2018, month: month, day: CalendarDate.daysIn(month: month, year: 2018))!), amount: Money(kronor: kronor))
    }

    @Test("outcome per line and period; recording a period again replaces it; deviations are computed, per line and in total")
    func outcomeAndDeviation() throws {
        let hosts = try hosts()
        _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [
            entry("GRUND", .income, 1, kronor: 914_400), entry("PERS", .cost, 1, kronor: 60_000), entry("PERS", .cost, 5, kronor: 1),
        ]))
        let stored = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [entry("PERS", .cost, 5, kronor: 58_000)]))
        #expect(stored.count == 3, "May's entry was replaced, not added")
        let may = try hosts.finance.call(FinanceMethods.followUp, FollowUpRequest(year: gns2018, through: CalendarDate("2018-05-31")), role: .read)
        let pers = try #require(may.lines.first { $0.objectCode == "PERS" })
        #expect(pers.outcome == Money(kronor: 118_000))
        #expect(pers.outcomeDeviation == Money(kronor: 700_000 - 118_000))
        #expect(may.income.outcome == Money(kronor: 914_400))
        #expect(may.net.budget == .zero)
        #expect(may.net.outcome == Money(kronor: 914_400 - 118_000))
        #expect(may.net.outcomeDeviation == may.net.budget - may.net.outcome, "one deviation, always computed")
        let january = try hosts.finance.call(FinanceMethods.followUp, FollowUpRequest(year: gns2018, through: CalendarDate("2018-01-31")), role: .read)
        #expect(january.cost.outcome == Money(kronor: 60_000), "entries ending after the day are left out")
    }

    @Test("forecasts per line; a line without one counts with its budget; the forecast deviation is budget − forecast")
    func forecasts() throws {
        let hosts = try hosts()
        _ = try hosts.call(FinanceMethods.forecastSet, ForecastSet(year: gns2018, forecasts: [
            Forecast(objectCode: "PERS", direction: .cost, amount: Money(kronor: 650_000), asOf: CalendarDate("2018-08-31")!, note: "vakans"),
        ]))
        let report = try hosts.finance.call(FinanceMethods.followUp, FollowUpRequest(year: gns2018), role: .read)
        let pers = try #require(report.lines.first { $0.objectCode == "PERS" })
        #expect(pers.forecastDeviation == Money(kronor: 50_000))
        #expect(report.lines.first { $0.objectCode == "TJ" }?.forecast == nil)
        #expect(report.cost.forecast == Money(kronor: 650_000 + 214_400))
        #expect(report.net.forecast == Money(kronor: 50_000))
        #expect(refusal { _ = try hosts.call(FinanceMethods.forecastSet, ForecastSet(year: gns2018, forecasts: [
            Forecast(objectCode: "PERS", direction: .income, amount: .zero, asOf: CalendarDate("2018-08-31")!),
        ])) }?.field == "forecasts[0].objectCode")
    }

    @Test("entries name a line of the budget, lie in the year, and appear once per request")
    func entryRefusals() throws {
        let hosts = try hosts()
        #expect(refusal { _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [entry("NOPE", .cost, 1, kronor: 1)])) }?.field == "entries[0].objectCode")
        let outside = OutcomeEntry(objectCode: "PERS", direction: .cost, period: Period(from: CalendarDate("2017-12-01")!, to: CalendarDate("2018-01-31")!), amount: .zero)
        #expect(refusal { _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [outside])) }?.field == "period")
        #expect(refusal { _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [entry("PERS", .cost, 2, kronor: 1), entry("PERS", .cost, 2, kronor: 2)])) }?.field == "entries[1]")
    }

    @Test("outcome imports from the host's ledger CSV: BOM, semicolons, decimal comma, months or day ranges; a bad row is named")
    func importCSV() throws {
        let hosts = try hosts()
        let csv = "\u{FEFF}Objekt;Period;Belopp\r\nGRUND;2018-01;914 400,00\r\nPERS;2018-01-01..2018-03-31;180000,50\r\n\r\nTJ;2018-02;12 000\r\n"
        let entries = try hosts.call(FinanceMethods.outcomeImport, OutcomeImport(year: gns2018, csv: csv, source: "huvudbok 2018-03-31"))
        #expect(entries.count == 3)
        #expect(entries.first { $0.objectCode == "PERS" }?.amount == Money(ore: 18_000_050))
        #expect(entries.first { $0.objectCode == "PERS" }?.period.to == CalendarDate("2018-03-31"))
        #expect(entries.allSatisfy { $0.source == "huvudbok 2018-03-31" })
        let bad = refusal { _ = try hosts.call(FinanceMethods.outcomeImport, OutcomeImport(year: gns2018, csv: "objekt;period;belopp\nPERS;2018-13;1\n", source: "x")) }
        #expect(bad?.field == "csv.rows[2].period")
        let amount = refusal { _ = try hosts.call(FinanceMethods.outcomeImport, OutcomeImport(year: gns2018, csv: "objekt;period;belopp\nPERS;2018-01;12,345\n", source: "x")) }
        #expect(amount?.field == "csv.rows[2].belopp")
        #expect(refusal { _ = try hosts.call(FinanceMethods.outcomeImport, OutcomeImport(year: gns2018, csv: "a,b,c\n", source: "x")) }?.field == "csv.rows[1]")
    }

    @Test("closing a year with a 745 tkr surplus carries it into next year's budget as its own allocated line; the closed year is read-only")
    func closeWithSurplus() throws {
        let hosts = try hosts()
        // Income in full, costs 745 000 kr under the budget: Jämtland's 2018 surplus.
        _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [
            entry("GRUND", .income, 1, kronor: 914_400), entry("PERS", .cost, 12, kronor: 100_000), entry("TJ", .cost, 12, kronor: 69_400),
        ]))
        let closing = try hosts.call(FinanceMethods.yearClose, YearClose(year: gns2018))
        #expect(closing.result == Money(kronor: 745_000))
        let line = try #require(closing.carriedLine)
        #expect(line.objectCode == "RES-2018")
        #expect(line.direction == .cost, "a surplus is paid back to the parties")
        #expect(line.amount == Money(kronor: 745_000))
        #expect(line.allocated)
        #expect(closing.carriedTo == BudgetRef(committee: "GNS", year: 2019, version: 1))
        let next = try hosts.finance.call(FinanceMethods.budgetGet, BudgetRef(committee: "GNS", year: 2019), role: .read)
        #expect(next.status == .draft)
        #expect(next.lines == [line])
        let closed = try hosts.finance.call(FinanceMethods.budgetGet, BudgetRef(committee: "GNS", year: 2018), role: .read)
        #expect(closed.status == .closed)
        #expect(refusal { _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [entry("PERS", .cost, 1, kronor: 1)])) }?.message.contains("read-only") == true)
        #expect(refusal { _ = try hosts.call(FinanceMethods.forecastSet, ForecastSet(year: gns2018, forecasts: [])) }?.code == .conflict)
        #expect(refusal { _ = try hosts.call(FinanceMethods.yearClose, YearClose(year: gns2018)) }?.code == .conflict)
        #expect(try hosts.finance.call(FinanceMethods.yearGet, gns2018, role: .read) == closing)
        // The carried line allocates among 2019's parties (all nine).
        let allocation = try hosts.finance.call(FinanceMethods.allocationPreview, BudgetRef(committee: "GNS", year: 2019), role: .read)
        #expect(allocation.lines[0].shares.reduce(Money.zero) { $0 + $1.rounded } == Money(kronor: 745_000))
    }

    @Test("a deficit is carried as income the parties pay, into a new version of an adopted next-year budget")
    func closeWithDeficit() throws {
        let hosts = try hosts()
        try hosts.adoptedBudget(committee: "GNS", year: 2019, lines: [SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 914_400, model: .equal)])
        _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [
            entry("GRUND", .income, 1, kronor: 914_400), entry("PERS", .cost, 12, kronor: 1_000_000),
        ]))
        let closing = try hosts.call(FinanceMethods.yearClose, YearClose(year: gns2018, objectCode: "UNDERSKOTT-2018"))
        #expect(closing.result == Money(kronor: -85_600))
        let line = try #require(closing.carriedLine)
        #expect(line.direction == .income)
        #expect(line.amount == Money(kronor: 85_600))
        #expect(line.objectCode == "UNDERSKOTT-2018")
        #expect(closing.carriedTo == BudgetRef(committee: "GNS", year: 2019, version: 2))
        let v2 = try hosts.finance.call(FinanceMethods.budgetGet, BudgetRef(committee: "GNS", year: 2019), role: .read)
        #expect(v2.lines.map(\.objectCode) == ["GRUND", "UNDERSKOTT-2018"])
        #expect(v2.reason?.contains("2018") == true)
    }

    @Test("the carried line is pure: no line for a zero result, a one-öre unit when the result has öre")
    func carriedLineRule() {
        #expect(FollowUpRules.carriedLine(result: .zero, year: 2018, objectCode: nil, model: nil) == nil)
        let odd = FollowUpRules.carriedLine(result: Money(ore: -12_345), year: 2018, objectCode: nil, model: nil)
        #expect(odd?.direction == .income)
        #expect(odd?.amount == Money(ore: 12_345))
        #expect(odd?.unit == Money(ore: 1))
    }

    @Test("seed 002's figures: 'Budget och prognos helår 2022' deviation budget − outcome (0 − 1 158 800), and Projekt HR's result 153 667 − 119 600 = 34 067, not the 13 017 its text states")
    func seedFigures() throws {
        let hosts = try FinanceTestHosts()
        let nbe2022 = YearRef(committee: "NBE", year: 2022)
        func line(_ code: String, _ name: String, _ direction: LineDirection, kronor: Int64) -> BudgetLine {
            BudgetLine(objectCode: code, name: name, direction: direction, amount: Money(kronor: kronor), unit: Money(kronor: 1), model: .equal,
                       allocated: direction == .income && kronor > 0)
        }
        try hosts.adoptedBudget(committee: "NBE", year: 2022, lines: [
            line("GRUND", "Grundfinansiering och e-kontor", .income, kronor: 2_933_200),
            line("PROJ", "Uppdrag och Projekt", .income, kronor: 0),
            line("PROJ-HR", "Projekt HR", .income, kronor: 0),
            line("GRUND", "Grundfinansiering och e-kontor", .cost, kronor: 2_933_200),
            line("PROJ", "Uppdrag och Projekt", .cost, kronor: 0),
            line("PROJ-HR", "Projekt HR", .cost, kronor: 0),
        ])
        let year = Period.year(2022)
        let may = Period(from: CalendarDate("2022-01-01")!, to: CalendarDate("2022-05-31")!)
        _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: nbe2022, entries: [
            OutcomeEntry(objectCode: "GRUND", direction: .income, period: year, amount: Money(kronor: 2_933_200)),
            OutcomeEntry(objectCode: "GRUND", direction: .cost, period: year, amount: Money(kronor: 2_933_200)),
            OutcomeEntry(objectCode: "PROJ", direction: .income, period: year, amount: Money(kronor: 1_158_800)),
            OutcomeEntry(objectCode: "PROJ", direction: .cost, period: year, amount: Money(kronor: 1_158_800)),
            OutcomeEntry(objectCode: "PROJ-HR", direction: .income, period: may, amount: Money(kronor: 153_667)),
            OutcomeEntry(objectCode: "PROJ-HR", direction: .cost, period: may, amount: Money(kronor: 119_600)),
        ]))
        let report = try hosts.finance.call(FinanceMethods.followUp, FollowUpRequest(year: nbe2022), role: .read)
        let projects = try #require(report.lines.first { $0.objectCode == "PROJ" && $0.direction == .income })
        #expect(projects.outcomeDeviation == Money(kronor: -1_158_800))
        #expect(report.lines.first { $0.objectCode == "GRUND" }?.outcomeDeviation == .zero)
        #expect(report.net.outcome == Money(kronor: 34_067), "the year's lines net to 0 (Rörelseresultat 0); Projekt HR adds its result")
        #expect(report.objects.first { $0.objectCode == "PROJ-HR" }?.result == Money(kronor: 34_067))
        #expect(report.objects.count == 3)
    }

    @Test("next year's billing deducts the carried surplus from each party's invoice; billed alone it is refused")
    func billCarriedSurplus() throws {
        let hosts = try hosts()
        try hosts.giveInvoicingDetails(committee: "GNS")
        _ = try hosts.call(FinanceMethods.outcomeRecord, OutcomeRecord(year: gns2018, entries: [
            entry("GRUND", .income, 1, kronor: 914_400), entry("PERS", .cost, 12, kronor: 100_000), entry("TJ", .cost, 12, kronor: 69_400),
        ]))
        let closing = try hosts.call(FinanceMethods.yearClose, YearClose(year: gns2018))
        #expect(closing.carriedLine?.carriedFrom == 2018)
        let next = BudgetRef(committee: "GNS", year: 2019)
        var lines = try hosts.finance.call(FinanceMethods.budgetGet, next, role: .read).lines
        lines.insert(SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 914_400, model: .equal), at: 0)
        _ = try hosts.call(FinanceMethods.budgetUpdate, BudgetUpdate(budget: next, lines: lines))
        _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: next, adoption: Adoption(
            protocolDate: CalendarDate("2018-06-22")!, paragraph: 9, justeratOn: CalendarDate("2018-06-29")!)))
        let allocation = try hosts.call(FinanceMethods.allocationRun, next)
        let alone = refusal { _ = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: next, lines: ["RES-2018"])) }
        #expect(alone?.code == .validation)
        #expect(alone?.message.contains("surplus paid back exceeds") == true)
        let run = try hosts.call(FinanceMethods.billingDraft, BillingDraft(budget: next))
        #expect(run.lines == ["GRUND", "RES-2018"])
        #expect(run.invoices.count == 8)
        let share = { (code: String, party: String) in allocation.lines.first { $0.objectCode == code }!.shares.first { $0.party == party }!.rounded }
        for invoice in run.invoices {
            let party = invoice.recipient.party
            #expect(invoice.lines.map(\.net) == [share("GRUND", party), Money(ore: -share("RES-2018", party).ore)])
            #expect(invoice.total == share("GRUND", party) - share("RES-2018", party))
        }
        #expect(run.hostShares.last?.amount == Money(ore: -share("RES-2018", "region-jh").ore))
        // Indexing 2019 into 2020 leaves the carried line behind.
        let indexed = try hosts.call(FinanceMethods.budgetIndex, BudgetIndex(budget: next, indexation: Indexation(factor: Fraction(102, 100)!, label: "2 %")))
        #expect(indexed.lines.map(\.objectCode) == ["GRUND"])
    }
}
