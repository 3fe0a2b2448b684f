import FinanceAPI
import KansliProtocol
import Testing
@testable import FinanceService

@Suite("Indexation to next year")
struct IndexerTests {
    let aki = Indexation.increase(by: Fraction(parsing: "5.8%")!, label: "AKI 2023")!

    func budget2022(_ base: IndexationBase) -> Budget {
        var line = SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 1_065_400, model: .equal)
        line.indexation = base
        return Budget(committee: "NBE", year: 2022, lines: [line])
    }

    @Test("AKI 5.8 % on each share: 76 100 → 80 500, 14 × 80 500 = 1 127 000 (the seed's 2023 figure)")
    func shares() throws {
        let budget = budget2022(.shares)
        let allocations = try AllocationEngine.allocate(budget, context: SeedCommittees.norrbotten(2022))
        let next = try Indexer.index(budget, allocations: allocations, by: aki)
        #expect(next[0].amount == Money(kronor: 1_127_000))
        #expect(next[0].model == .equal)
        let result = try AllocationEngine.allocate(next[0], context: SeedCommittees.norrbotten(2023))
        #expect(result.shares.allSatisfy { $0.rounded == Money(kronor: 80_500) })
    }

    @Test("AKI 5.8 % on the total: 1 065 400 → 1 127 200, split 12 × 80 500 + 2 × 80 600")
    func total() throws {
        let budget = budget2022(.total)
        let next = try Indexer.index(budget, allocations: [], by: aki)
        #expect(next[0].amount == Money(kronor: 1_127_200))
        let result = try AllocationEngine.allocate(next[0], context: SeedCommittees.norrbotten(2023))
        #expect(result.shares.filter { $0.rounded == Money(kronor: 80_500) }.count == 12)
        #expect(result.shares.filter { $0.rounded == Money(kronor: 80_600) }.count == 2)
        // Equal remainders: the two lowest organisationsnummer (Jokkmokk 212000-2676, Pajala 212000-2718).
        #expect(Set(result.shares.filter { $0.rounded == Money(kronor: 80_600) }.map(\.party)) == ["jokkmokk", "pajala"])
    }

    @Test("2 % per the cooperation agreement, by index values too; key years move on with the budget")
    func keysMoveOn() throws {
        let line = SeedCommittees.line("ECO", "ECO-system grundplattform", kronor: 509_200, model: .mix(key: SeedCommittees.population2022))
        let budget = Budget(committee: "NBE", year: 2023, lines: [line])
        let two = Indexation.indexValues(from: 100, to: 102, label: "2 %")!
        let next = try Indexer.index(budget, allocations: [], by: two)
        #expect(next[0].amount == Money(kronor: 519_400)) // 509 200 × 1.02 = 519 384 → 519 400
        #expect(next[0].model.key == AllocationKey(kind: .population, year: 2023))
    }

    @Test("a fixed table is indexed row by row and stays a table that sums to the line")
    func fixedTable() throws {
        let rows: [(String, Int64)] = SeedCommittees.norrbottenRows.map { ($0.code, 25_800) }
        let line = SeedCommittees.line("RTJ", "Räddningstjänsten", kronor: 25_800 * 14,
                                       model: .fixed(SeedCommittees.table(rows, ore: true)))
        let budget = Budget(committee: "NBE", year: 2022, lines: [line])
        let allocations = try AllocationEngine.allocate(budget, context: SeedCommittees.norrbotten(2022))
        let next = try Indexer.index(budget, allocations: allocations, by: aki)
        #expect(next[0].model.kind == .fixed)
        #expect(next[0].model.table?.rows.allSatisfy { $0.value == 27_300 * 100 } == true) // 25 800 × 1.058 = 27 296,4
        #expect(next[0].amount == Money(kronor: 27_300 * 14))
        _ = try AllocationEngine.allocate(next[0], context: SeedCommittees.norrbotten(2023))
    }
}
