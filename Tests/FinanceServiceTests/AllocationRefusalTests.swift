import FinanceAPI
import KansliProtocol
import Testing
@testable import FinanceService

@Suite("Allocation refuses the seeds' errors, naming the line and the party")
struct AllocationRefusalTests {
    func refusal(_ line: BudgetLine, _ context: AllocationContext = SeedCommittees.norrbotten(2022)) -> ServiceError? {
        do {
            _ = try AllocationEngine.allocate(line, context: context)
            return nil
        } catch let error as ServiceError {
            return error
        } catch {
            return nil
        }
    }

    /// "Fördelning årskostnader 2022", Grundfinansiering: 13 rows of 76 100 (Överkalix missing)
    /// under the sum 1 065 400 = 14 × 76 100.
    @Test("the 2022 base-funding table: 13 rows under a sum of 14 × 76 100")
    func baseFundingTable() throws {
        let rows = SeedCommittees.norrbottenRows.filter { $0.code != "overkalix" }.map { ($0.code, Int64(76_100)) }
        let line = SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 1_065_400,
                                       model: .fixed(SeedCommittees.table(rows, ore: true, stated: 1_065_400)))
        let error = try #require(refusal(line))
        #expect(error.code == .validation)
        #expect(error.message.contains(#"line "Grundfinansiering" (object code "GRUND")"#))
        #expect(error.message.contains("13 rows sum to 989 300 kr, not to its stated total 1 065 400 kr"))
        // Even with a total that adds up, the missing party is named.
        let consistent = SeedCommittees.line("GRUND", "Grundfinansiering", kronor: 989_300,
                                             model: .fixed(SeedCommittees.table(rows, ore: true)))
        #expect(refusal(consistent)?.message.contains("no row for Överkalix kommun (overkalix)") == true)
    }

    @Test("the 2022 staff-cost column: 13 rows summing to 896 200 under a stated 937 200")
    func staffCostColumn() throws {
        let rows: [(String, Int64)] = [
            ("arjeplog", 40_000), ("arvidsjaur", 46_200), ("boden", 85_200), ("gallivare", 66_300), ("haparanda", 52_300),
            ("jokkmokk", 43_800), ("kalix", 63_400), ("kiruna", 75_900), ("lulea", 174_500), ("pajala", 45_900),
            ("pitea", 110_500), ("alvsbyn", 49_500), ("overtornea", 42_700),
        ]
        let line = SeedCommittees.line("ELEARN", "E-learning plattform", kronor: 1_125_000, unit: 1,
                                       model: .proportional(SeedCommittees.table(rows, stated: 937_200)))
        let error = try #require(refusal(line))
        #expect(error.message.contains("13 rows sum to 896 200, not to its stated total 937 200"))
        #expect(error.field == "lines.ELEARN.model.table")
    }

    @Test("the first e-learning table lists Övertorneå twice")
    func duplicateRow() throws {
        var rows = SeedCommittees.staffCost
        rows[12] = ("overtornea", 41_000)
        let line = SeedCommittees.line("ELEARN", "E-learning plattform", kronor: 1_125_000, unit: 1,
                                       model: .proportional(SeedCommittees.table(rows, stated: 937_200)))
        #expect(refusal(line)?.message.contains("Övertorneå kommun (overtornea) has two rows in the table") == true)
    }

    @Test("a participant listed twice, one not in the committee, one that is not a member in the year")
    func participants() {
        let twice = SeedCommittees.line("PROJ", "Projekt Elevhälsan", kronor: 306_200, model: .equal,
                                        participants: ["boden", "lulea", "boden"])
        #expect(refusal(twice)?.message == #"line "Projekt Elevhälsan" (object code "PROJ"): Bodens kommun (boden) is listed twice among the participants"#)
        let stranger = SeedCommittees.line("PROJ", "Projekt", kronor: 1_000, model: .equal, participants: ["boden", "umea"])
        #expect(refusal(stranger)?.message.contains(#""umea" is not a party of the committee"#) == true)
        let early = SeedCommittees.line("PROJ", "Projekt", kronor: 1_000, model: .equal, participants: ["boden", "kiruna"])
        #expect(refusal(early, SeedCommittees.norrbotten(2014))?.message.contains("Kiruna kommun (kiruna) is not a member of the committee in 2014") == true)
    }

    @Test("a missing, zero or negative key figure for a participating party")
    func keys() {
        let line = SeedCommittees.line("HR", "Förstudie HR", kronor: 368_800, model: .byKey(SeedCommittees.population2022))
        var missing = SeedCommittees.norrbotten(2022)
        missing.keys[SeedCommittees.population2022]!.removeAll { $0.party == "overkalix" }
        #expect(refusal(line, missing)?.message.contains("Överkalix kommun (overkalix) has no population 2022 figure") == true)
        for bad in [Int64(0), -5] {
            var context = SeedCommittees.norrbotten(2022)
            context.keys[SeedCommittees.population2022]![3].value = bad
            #expect(refusal(line, context)?.message.contains("Gällivare kommun (gallivare) has a population 2022 figure of \(bad); a key must be positive") == true)
        }
        let otherYear = SeedCommittees.line("HR", "Förstudie HR", kronor: 368_800,
                                            model: .byKey(AllocationKey(kind: .population, year: 2023)))
        #expect(refusal(otherYear)?.message.contains("has no population 2023 figure") == true)
    }

    @Test("an amount that is not a whole number of units, a negative amount, no unit")
    func amounts() {
        #expect(refusal(SeedCommittees.line("X", "X", kronor: 1_050, model: .equal))?.message.contains("not a whole number of units of 100 kr") == true)
        #expect(refusal(SeedCommittees.line("X", "X", kronor: -100, model: .equal))?.field == "lines.X.amount")
        #expect(refusal(SeedCommittees.line("X", "X", kronor: 100, unit: 0, model: .equal))?.field == "lines.X.unit")
    }

    @Test("days with no party connected are refused, not left unpaid")
    func unconnectedDays() {
        let connections = [PartyPeriod(party: "boden", from: CalendarDate("2023-03-01")!)]
        let line = SeedCommittees.line("PLATT", "Plattform", kronor: 36_500, unit: 1, model: .daysConnected(connections: connections),
                                       participants: ["boden"])
        #expect(refusal(line, SeedCommittees.norrbotten(2023))?.message.contains("no participating party is connected from 2023-01-01 to 2023-02-28") == true)
    }

    @Test("pro rata by a key over many distinct groups is refused rather than rounded inexactly")
    func daysConnectedTooFine() {
        let parties = (0..<12).map { PartyFacts(code: "p\($0)", name: "Party \($0)", organisationNumber: "212000-\(1000 + $0)",
                                                joinedOn: CalendarDate(year: 2023, month: $0 + 1, day: 1)!) }
        let key = AllocationKey(kind: .population, year: 2022)
        let figures = parties.enumerated().map { KeyFigure(party: $0.element.code, kind: .population, year: 2022,
                                                           value: 100_003 + Int64($0.offset) * 7_919,
                                                           referenceDate: CalendarDate("2021-12-31")!, source: "test") }
        let line = SeedCommittees.line("PLATT", "Plattform", kronor: 36_500, unit: 1, model: .daysConnected(key: key))
        let context = AllocationContext(year: 2023, parties: parties, keys: [key: figures])
        #expect(refusal(line, context)?.message.contains("too many distinct groups to share exactly") == true)
    }

    @Test("hostile mix parameters are refused, never trapped")
    func hostileMix() throws {
        let huge = AllocationModel(kind: .mix, key: SeedCommittees.population2022, equalPart: Fraction(1, Int64.max))
        let line = SeedCommittees.line("MIX", "Mix", kronor: 10_000_000_000, unit: 1, model: huge)
        #expect(refusal(line)?.field == "lines.MIX.model.equalPart")
        let fine = AllocationModel(kind: .mix, key: SeedCommittees.population2022, equalPart: Fraction(999_999, 1_000_000))
        let big = SeedCommittees.line("MIX", "Mix", kronor: 10_000_000_000_000, unit: 1, model: fine)
        // The largest amount with the finest equal part the engine accepts still allocates exactly.
        let result = try AllocationEngine.allocate(big, context: SeedCommittees.norrbotten(2022))
        #expect(result.shares.reduce(Money.zero) { $0 + $1.rounded } == Money(kronor: 10_000_000_000_000))
    }
}
