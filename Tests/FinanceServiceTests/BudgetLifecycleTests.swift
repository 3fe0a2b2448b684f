import FinanceAPI
import KansliProtocol
import Testing
@testable import FinanceService

@Suite("Budgets in the finance service, with the registry as its peer")
struct BudgetLifecycleTests {
    let nbe2023 = BudgetRef(committee: "NBE", year: 2023)

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

    @Test("a draft is allocated with the registry's parties and keys, and the run is stored with its inputs")
    func allocateStored() throws {
        let hosts = try FinanceTestHosts()
        _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: FinanceTestHosts.norrbotten2023()))
        let run = try hosts.call(FinanceMethods.allocationRun, nbe2023)
        #expect(run.run == 1)
        #expect(run.lines[0].shares.count == 14)
        #expect(run.lines[0].shares.allSatisfy { $0.rounded == Money(kronor: 80_500) })
        #expect(run.lines[1].kronor["lulea"] == 98_200)
        #expect(run.lines[1].kronor["arjeplog"] == 21_000)
        #expect(run.lines[1].inputs.keys.first { $0.party == "lulea" }?.source.hasPrefix("illustrative") == true)
        #expect(run.parties.first { $0.code == "lulea" }?.isHost == true)
        let stored = try hosts.finance.call(FinanceMethods.allocationGet, nbe2023, role: .read)
        #expect(stored == run)
        #expect(try hosts.call(FinanceMethods.allocationRun, nbe2023).run == 2)
        let preview = try hosts.finance.call(FinanceMethods.allocationPreview, nbe2023, role: .read)
        #expect(preview.run == 0)
        #expect(preview.lines == run.lines)
    }

    @Test("draft → adopted pending justering (2022-06-22 § 12) → adopted → closed; an adopted budget is never edited")
    func lifecycle() throws {
        let hosts = try FinanceTestHosts()
        let draft = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: FinanceTestHosts.norrbotten2023()))
        #expect(draft.status == .draft)
        #expect(draft.version == 1)
        #expect(refusal { _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: [])) }?.code == .conflict)
        let adoption = Adoption(protocolDate: CalendarDate("2022-06-22")!, paragraph: 12)
        let pending = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: nbe2023, adoption: adoption))
        #expect(pending.status == .adoptedPendingJustering)
        #expect(pending.adoption?.description == "2022-06-22 § 12")
        let edit = refusal { _ = try hosts.call(FinanceMethods.budgetUpdate, BudgetUpdate(budget: nbe2023, lines: [])) }
        #expect(edit?.code == .conflict)
        #expect(edit?.message.contains("never edited") == true)
        #expect(refusal { _ = try hosts.call(FinanceMethods.budgetJustera, BudgetJustering(budget: nbe2023, justeratOn: CalendarDate("2022-06-01")!)) }?.code == .validation)
        let adopted = try hosts.call(FinanceMethods.budgetJustera, BudgetJustering(budget: nbe2023, justeratOn: CalendarDate("2022-06-29")!))
        #expect(adopted.status == .adopted)
        #expect(adopted.adoption?.confirmedBy == "caller")
        let closed = try hosts.call(FinanceMethods.budgetClose, nbe2023)
        #expect(closed.status == .closed)
        #expect(try hosts.finance.call(FinanceMethods.budgetGet, nbe2023, role: .read) == closed)
    }

    @Test("a change to an adopted budget is a new version with a reason; both stay readable")
    func revise() throws {
        let hosts = try FinanceTestHosts()
        _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: FinanceTestHosts.norrbotten2023()))
        _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: nbe2023, adoption: Adoption(
            protocolDate: CalendarDate("2022-06-22")!, paragraph: 12, justeratOn: CalendarDate("2022-06-29")!)))
        var lines = FinanceTestHosts.norrbotten2023()
        lines.append(SeedCommittees.line("TRANS", "Transaktionskostnader", kronor: 175_800, model: .equal))
        #expect(refusal { _ = try hosts.call(FinanceMethods.budgetRevise, BudgetRevise(budget: nbe2023, lines: lines, reason: "")) }?.field == "reason")
        let v2 = try hosts.call(FinanceMethods.budgetRevise, BudgetRevise(budget: nbe2023, lines: lines, reason: "transaction costs added"))
        #expect(v2.version == 2)
        #expect(v2.status == .draft)
        #expect(v2.reason == "transaction costs added")
        let v1 = try hosts.finance.call(FinanceMethods.budgetGet, BudgetRef(committee: "NBE", year: 2023, version: 1), role: .read)
        #expect(v1.lines.count == 2)
        #expect(v1.status == .adopted)
        _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: nbe2023, adoption: Adoption(
            protocolDate: CalendarDate("2022-09-14")!, paragraph: 30)))
        let list = try hosts.finance.call(FinanceMethods.budgetList, BudgetListRequest(committee: "NBE"), role: .read)
        #expect(list.map(\.status) == [.superseded, .adoptedPendingJustering])
        #expect(list[1].income == Money(kronor: 1_127_000 + 509_200 + 175_800))
    }

    @Test("next year's budget by indexation: 2022's base funding × AKI 5.8 % on each share is 2023's 1 127 000")
    func index() throws {
        let hosts = try FinanceTestHosts()
        var line = SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 1_065_400, model: .equal)
        line.indexation = .shares
        let ref2022 = BudgetRef(committee: "NBE", year: 2022)
        _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2022, lines: [line]))
        #expect(refusal { _ = try hosts.call(FinanceMethods.budgetIndex, BudgetIndex(budget: ref2022, indexation: Indexation.increase(by: Fraction(58, 1000)!, label: "AKI")!)) }?.code == .conflict)
        _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: ref2022, adoption: Adoption(
            protocolDate: CalendarDate("2021-06-08")!, paragraph: 20, justeratOn: CalendarDate("2021-06-15")!)))
        let run = try hosts.call(FinanceMethods.allocationRun, ref2022)
        #expect(run.lines[0].shares.allSatisfy { $0.rounded == Money(kronor: 76_100) })
        let next = try hosts.call(FinanceMethods.budgetIndex, BudgetIndex(budget: ref2022, indexation: Indexation.increase(by: Fraction(58, 1000)!, label: "AKI 2023")!))
        #expect(next.year == 2023)
        #expect(next.lines[0].amount == Money(kronor: 1_127_000))
        #expect(next.indexedFrom?.year == 2022)
    }

    @Test("a budget whose lines do not allocate is not adopted, and the refusal names the line and the party")
    func adoptRefusesBadLines() throws {
        let hosts = try FinanceTestHosts()
        let bad = SeedCommittees.line("PROJ", "Projekt Elevhälsan", kronor: 306_200, model: .equal, participants: ["boden", "boden"])
        _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: [bad]))
        let error = refusal { _ = try hosts.call(FinanceMethods.budgetAdopt, BudgetAdopt(budget: nbe2023, adoption: Adoption(protocolDate: CalendarDate("2022-06-22")!, paragraph: 12))) }
        #expect(error?.code == .validation)
        #expect(error?.message.contains("Bodens kommun (boden) is listed twice") == true)
        #expect(try hosts.finance.call(FinanceMethods.budgetGet, nbe2023, role: .read).status == .draft)
    }

    @Test("with the registry down, writes that need it are unavailable and write nothing")
    func registryDown() throws {
        let hosts = try FinanceTestHosts(registryDown: true)
        let error = refusal { _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: FinanceTestHosts.norrbotten2023())) }
        #expect(error?.code == .unavailable)
        #expect(try hosts.finance.call(FinanceMethods.budgetList, BudgetListRequest(committee: "NBE"), role: .read).isEmpty)
    }

    @Test("an unknown committee is the registry's not_found; structural errors are refused before anything is stored")
    func refusals() throws {
        let hosts = try FinanceTestHosts()
        #expect(refusal { _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "XYZ", year: 2023, lines: [])) }?.code == .notFound)
        let twice = [SeedCommittees.line("A", "A", kronor: 100, model: .equal), SeedCommittees.line("A", "B", kronor: 100, model: .equal)]
        #expect(refusal { _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: twice)) }?.message.contains("used by two income lines") == true)
        var noReason = SeedCommittees.line("A", "A", kronor: 100, model: .equal)
        noReason.vat = VATTreatment(rate: .zero)
        #expect(refusal { _ = try hosts.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: [noReason])) }?.field == "lines.A.vat")
        #expect(refusal { _ = try hosts.finance.call(FinanceMethods.allocationGet, nbe2023, role: .read) }?.code == .notFound)
        #expect(refusal { _ = try hosts.finance.call(FinanceMethods.budgetCreate, BudgetCreate(committee: "NBE", year: 2023, lines: []), role: .read) }?.code == .forbidden)
    }
}
