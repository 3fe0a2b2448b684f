import FinanceAPI
import Foundation
import KansliProtocol
import Testing
@testable import KansliCLI

@Suite("kansli finance")
struct FinanceCommandsTests {
    @Test("import reads the shipped budget files: Norrbotten 2022 and 2023 (adopted 2022-06-22 § 12), Jämtland 2020")
    func importSeeds() throws {
        let server = try FinanceTestServer()
        let nbe = server.finance("import \(FinanceTestServer.seed("norrbotten-e-namnd-budget.json"))")
        #expect(nbe.status == 0, "\(nbe.err)")
        #expect(nbe.out.contains("Imported budget 2022 v1 of NBE: 12 lines, income 5 034 600 kr, draft."))
        #expect(nbe.out.contains("Imported budget 2023 v1 of NBE: 14 lines, income 7 618 100 kr, adopted-pending-justering."))
        let gns = server.finance("import \(FinanceTestServer.seed("jamtland-gns-budget.json"))")
        #expect(gns.status == 0, "\(gns.err)")
        #expect(gns.out.contains("income 914 400 kr"))
        let again = server.finance("import \(FinanceTestServer.seed("jamtland-gns-budget.json"))")
        #expect(again.status == 1)
        #expect(again.err.contains("already has a budget for 2020"))
    }

    @Test("allocation show prints parties as rows, lines as columns and a sum row, like the seed's tables")
    func allocationTable() throws {
        let server = try FinanceTestServer()
        #expect(server.finance("import \(FinanceTestServer.seed("norrbotten-e-namnd-budget.json"))").status == 0)
        let shown = server.finance("allocation show NBE 2023")
        #expect(shown.status == 0, "\(shown.err)")
        let lines = shown.out.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("party") })
        #expect(header.contains("Grundfinansiering"))
        #expect(header.contains("SOC system, grund"))
        let lulea = try #require(lines.first { $0.hasPrefix("Luleå kommun (host)") })
        #expect(lulea.contains("80 500"))
        #expect(lulea.contains("98 200"))
        let arjeplog = try #require(lines.first { $0.hasPrefix("Arjeplogs kommun") })
        #expect(arjeplog.contains("21 000"))
        let sum = try #require(lines.first { $0.hasPrefix("Summa") })
        #expect(sum.contains("1 127 000"))
        #expect(sum.hasSuffix("7 618 100"))
        #expect(shown.out.contains("booked internally, never invoiced"))
        let json = server.finance("allocation show NBE 2023 --json")
        let decoded = try JSONDecoder().decode(BudgetAllocation.self, from: Data(json.out.utf8))
        #expect(decoded.lines.count == 7)
        #expect(decoded.lines.allSatisfy { line in line.shares.reduce(Money.zero) { $0 + $1.rounded } == line.amount })
    }

    @Test("the 2023 line that follows 2022's split is explained, exact to the krona")
    func explain() throws {
        let server = try FinanceTestServer()
        #expect(server.finance("import \(FinanceTestServer.seed("norrbotten-e-namnd-budget.json"))").status == 0)
        let explained = server.finance("allocation preview NBE 2023 --explain")
        #expect(explained.status == 0, "\(explained.err)")
        #expect(explained.out.contains("Verksamhetsutvecklare e-tjänster (VU-ETJ): 991 800 kr, in proportion to line 2022/VU-ETJ"))
        #expect(explained.out.contains("preview, not stored"))
        #expect(explained.out.contains("exact share"))
    }

    @Test("budget list, show, justera, revise and index through the CLI")
    func lifecycle() throws {
        let server = try FinanceTestServer()
        #expect(server.finance("import \(FinanceTestServer.seed("norrbotten-e-namnd-budget.json"))").status == 0)
        let list = server.finance("budget list NBE")
        #expect(list.out.contains("2023        1  adopted-pending-justering  2022-06-22 § 12  7 618 100  7 618 100"))
        #expect(server.finance("budget show NBE 2023").out.contains("not allocated"))
        let show = server.finance("budget show NBE 2022")
        #expect(show.out.contains("Budget 2022 v1, NBE: draft"))
        #expect(show.out.contains("5 034 600"))
        let justera = server.finance("budget justera NBE 2023 --on 2022-06-29")
        #expect(justera.out == "Budget 2023 v1 of NBE is adopted.\n")
        let index = server.finance("budget index NBE 2023 --percent 5.8 --label AKI")
        #expect(index.status == 0, "\(index.err)")
        #expect(index.out.contains("Budget 2024 of NBE drafted from 2023"))
        let grund = server.finance("budget show NBE 2024 --json")
        let budget = try JSONDecoder().decode(Budget.self, from: Data(grund.out.utf8))
        #expect(budget.lines.first { $0.objectCode == "GRUND" }?.amount == Money(kronor: 14 * 85_200)) // 80 500 × 1.058 = 85 169 → 85 200
        let bad = server.finance("budget index NBE 2022")
        #expect(bad.status == 64)
        let draftEdit = server.finance("budget update NBE 2023 --file \(FinanceTestServer.seed("norrbotten-e-namnd-budget.json"))")
        #expect(draftEdit.status == 1)
        #expect(draftEdit.err.contains("never edited"))
        let revise = server.run(["finance", "budget", "revise", "NBE", "2023", "--file", FinanceTestServer.seed("norrbotten-e-namnd-budget.json"),
                                 "--reason", "costs per municipality added for VU-ETJ"])
        #expect(revise.status == 0, "\(revise.err)")
        #expect(revise.out.contains("v2"))
    }

    @Test("a malformed budget file is refused naming the line and field")
    func malformedFile() throws {
        let server = try FinanceTestServer()
        let path = server.directory.file("bad.json")
        try #"{"formatVersion": 1, "committee": "NBE", "budgets": [{"year": 2023, "lines": [{"objectCode": "X", "name": "X", "amount": "12,345,6", "model": "equal"}]}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = server.finance("import \(path)")
        #expect(run.status == 1)
        #expect(run.err.contains("budgets[0].lines[0] (X).amount: expected kronor"))
    }

    @Test("allocation diff: none after a run; a changed key figure in the registry shows as a difference, the run is not rewritten")
    func diff() throws {
        let server = try FinanceTestServer()
        #expect(server.finance("import \(FinanceTestServer.seed("norrbotten-e-namnd-budget.json"))").status == 0)
        #expect(server.finance("allocation diff NBE 2023").out.contains("no difference"))
        let set = server.registry.registry("yearly-key set NBE --party lulea --kind population --year 2022 --value 79638 --reference-date 2021-12-31 --source SCB")
        #expect(set.status == 0, "\(set.err)")
        let diff = server.finance("allocation diff NBE 2023")
        #expect(diff.status == 0, "\(diff.err)")
        #expect(diff.out.contains("SOC-GRUND, Luleå kommun: 98 200 → "))
        #expect(diff.out.contains("SOC-GRUND, population 2022 of lulea: 115900"))
        #expect(server.finance("allocation show NBE 2023").out.contains("98 200"))
    }
}
