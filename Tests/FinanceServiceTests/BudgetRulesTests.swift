import FinanceAPI
import KansliProtocol
import Testing
@testable import FinanceService

@Suite("Budget rules")
struct BudgetRulesTests {
    func refusal(_ lines: [BudgetLine]) -> ServiceError? {
        do {
            try BudgetRules.check(lines: lines)
            return nil
        } catch {
            return error as? ServiceError
        }
    }

    @Test("a budget that lists the same line twice is refused (seed 002's project table lists Projekt Elevhälsan twice)")
    func lineTwice() {
        let lines = [SeedCommittees.line("P1", "Projekt Elevhälsan", kronor: 306_200, model: .equal),
                     SeedCommittees.line("P2", "Projekt HR", kronor: 153_600, model: .equal),
                     SeedCommittees.line("P3", "Projekt Elevhälsan", kronor: 306_200, model: .equal)]
        let error = refusal(lines)
        #expect(error?.message.contains(#"an income line named "Projekt Elevhälsan" is listed twice"#) == true)
        #expect(error?.field == "lines.P3.name")
        // The same name as income and as cost is the budget's ordinary mirror, not a duplicate.
        var cost = lines[0]
        cost.direction = .cost
        #expect(refusal([lines[0], cost]) == nil)
    }

    @Test("object codes are bounded, well formed and unique per direction; VAT 0 % needs its reason")
    func codesAndVAT() {
        #expect(refusal([SeedCommittees.line("A B", "X", kronor: 100, model: .equal)])?.field == "lines.objectCode")
        #expect(refusal([SeedCommittees.line(String(repeating: "A", count: 33), "X", kronor: 100, model: .equal)]) != nil)
        var line = SeedCommittees.line("A", "X", kronor: 100, model: .equal)
        line.vat = VATTreatment(rate: .outsideScope)
        #expect(refusal([line])?.field == "lines.A.vat")
        line.vat = VATTreatment(rate: .standard)
        #expect(refusal([line]) == nil)
        #expect(refusal(Array(repeating: line, count: 201))?.field == "lines")
    }
}
