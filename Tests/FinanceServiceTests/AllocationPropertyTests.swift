import FinanceAPI
import KansliProtocol
import KansliTestSupport
import Testing
@testable import FinanceService

@Suite("Allocation properties over seeded random committees")
struct AllocationPropertyTests {
    /// A random committee of 1…40 parties with distinct organisationsnummer, random keys and a
    /// random line of a random model.
    struct Case {
        var context: AllocationContext
        var line: BudgetLine
    }

    static func randomCase(_ random: inout SeededGenerator) -> Case {
        let count = Int.random(in: 1...40, using: &random)
        var numbers = Set<Int>()
        while numbers.count < count { numbers.insert(Int.random(in: 100_000...999_999, using: &random)) }
        let parties = numbers.shuffled(using: &random).enumerated().map { index, number in
            PartyFacts(code: "p\(index)", name: "Party \(index)", organisationNumber: "212000-\(number % 10_000)\(number / 10_000)",
                       isHost: index == 0, joinedOn: CalendarDate("2020-01-01")!)
        }
        let key = AllocationKey(kind: .population, year: 2022)
        let figures = parties.map {
            KeyFigure(party: $0.code, kind: .population, year: 2022, value: Int64.random(in: 1...1_000_000, using: &random),
                      referenceDate: CalendarDate("2021-12-31")!, source: "random")
        }
        // Pro rata by a key keeps every group's key total in its exact denominator, so its figures
        // stay small here (real populations of a county are too); see `daysConnectedTooFine`.
        let smallKey = AllocationKey(kind: .pupils, year: 2022)
        let smallFigures = parties.map {
            KeyFigure(party: $0.code, kind: .pupils, year: 2022, value: Int64.random(in: 1...5_000, using: &random),
                      referenceDate: CalendarDate("2021-10-15")!, source: "random")
        }
        let unit = [Int64(1), 100, 1_000].randomElement(using: &random)! * 100
        let amount = Int64.random(in: 0...2_000_000, using: &random) * unit
        let model: AllocationModel
        switch Int.random(in: 0..<5, using: &random) {
        case 0: model = .equal
        case 1: model = .byKey(key)
        case 2: model = .mix(equalPart: Fraction(Int64.random(in: 0...10, using: &random), 10)!, key: key)
        case 3:
            model = .proportional(PartyTable(rows: parties.map { PartyAmount(party: $0.code, value: Int64.random(in: 1...500_000, using: &random)) }))
        default:
            // Parties join on one of a few days, as committees do (each distinct group of connected
            // parties multiplies the exact common denominator; the engine refuses beyond 2⁶³).
            let period = Period.year(2023)
            let joins = (0..<3).map { _ in Int.random(in: 0...364, using: &random) }
            let connections = parties.enumerated().map { index, party in
                index == 0 ? PartyPeriod(party: party.code, from: period.from)
                    : PartyPeriod(party: party.code, from: period.from.adding(days: joins.randomElement(using: &random)!))
            }
            model = .daysConnected(connections: connections, key: Bool.random(using: &random) ? smallKey : nil)
        }
        let line = BudgetLine(objectCode: "L", name: "Line", amount: Money(ore: amount), unit: Money(ore: unit), model: model)
        return Case(context: AllocationContext(year: 2023, parties: parties, keys: [key: figures, smallKey: smallFigures]), line: line)
    }

    @Test("shares sum exactly to the line, are never negative, each within one unit of its exact share")
    func sumsAndBounds() throws {
        var random = SeededGenerator(seed: 0x4B41_4E53_4C49)
        for _ in 0..<300 {
            let testCase = Self.randomCase(&random)
            let result = try AllocationEngine.allocate(testCase.line, context: testCase.context)
            #expect(result.shares.reduce(Money.zero) { $0 + $1.rounded } == testCase.line.amount)
            let unit = Int128(testCase.line.unit.ore)
            for share in result.shares {
                #expect(share.rounded.ore >= 0)
                #expect(share.rounded.isMultiple(of: testCase.line.unit) || share.rounded == .zero)
                // |rounded − exact| < unit, in öre × denominator, exactly.
                let exact = Int128(share.exact.wholeOre) * Int128(share.exact.denominator) + Int128(share.exact.remainder)
                let rounded = Int128(share.rounded.ore) * Int128(share.exact.denominator)
                let distance = rounded > exact ? rounded - exact : exact - rounded
                #expect(distance < unit * Int128(share.exact.denominator))
                #expect(abs(share.adjustment.ore) <= testCase.line.unit.ore)
            }
        }
    }

    @Test("permuting the parties changes nothing: the tie-break is by organisationsnummer, not by order")
    func permutationInvariance() throws {
        var random = SeededGenerator(seed: 0x5045_524D)
        for _ in 0..<200 {
            let testCase = Self.randomCase(&random)
            let first = try AllocationEngine.allocate(testCase.line, context: testCase.context)
            var shuffled = testCase.context
            shuffled.parties.shuffle(using: &random)
            shuffled.keys = shuffled.keys.mapValues { $0.shuffled(using: &random) }
            var line = testCase.line
            line.model.table?.rows.shuffle(using: &random)
            line.model.connections?.shuffle(using: &random)
            let second = try AllocationEngine.allocate(line, context: shuffled)
            #expect(first.kronorByParty == second.kronorByParty)
        }
    }

    @Test("equal shares of a random amount differ by at most one unit, the larger ones to the lowest organisationsnummer")
    func equalShares() throws {
        var random = SeededGenerator(seed: 0x4551_5541_4C)
        for _ in 0..<200 {
            var testCase = Self.randomCase(&random)
            testCase.line.model = .equal
            let result = try AllocationEngine.allocate(testCase.line, context: testCase.context)
            let ordered = result.shares.sorted { $0.organisationNumber < $1.organisationNumber }.map(\.rounded.ore)
            #expect(ordered == ordered.sorted(by: >))
            #expect((ordered.first ?? 0) - (ordered.last ?? 0) <= testCase.line.unit.ore)
        }
    }
}

extension LineAllocation {
    /// Each party's rounded share in öre, by code.
    var kronorByParty: [String: Int64] {
        Dictionary(uniqueKeysWithValues: shares.map { ($0.party, $0.rounded.ore) })
    }
}
