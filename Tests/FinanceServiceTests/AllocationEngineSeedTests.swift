import FinanceAPI
import KansliProtocol
import Testing
@testable import FinanceService

@Suite("Allocation reproduces the seeds' figures")
struct AllocationEngineSeedTests {
    @Test("Jämtland's base funding 2020: 914 400 kr in 9 equal shares of 101 600 kr")
    func jamtlandBaseFunding() throws {
        let context = AllocationContext(year: 2020, parties: SeedCommittees.jamtland)
        let result = try AllocationEngine.allocate(SeedCommittees.line("BAS", "Basfinansiering", kronor: 914_400, model: .equal),
                                                   context: context)
        #expect(result.shares.count == 9)
        #expect(result.shares.allSatisfy { $0.rounded == Money(kronor: 101_600) && $0.adjustment == .zero })
        #expect(result.shares.allSatisfy { $0.weight == Fraction(1, 9) })
    }

    @Test("Norrbotten's base funding: 1 065 400 kr in 14 of 76 100 (2022) and 1 127 000 kr in 14 of 80 500 (2023)")
    func norrbottenBaseFunding() throws {
        for (year, total, share) in [(2022, Int64(1_065_400), Int64(76_100)), (2023, 1_127_000, 80_500)] {
            let result = try AllocationEngine.allocate(SeedCommittees.line("GRUND", "Grundfinansiering", kronor: total, model: .equal),
                                                       context: SeedCommittees.norrbotten(year))
            #expect(result.shares.count == 14)
            #expect(result.shares.allSatisfy { $0.rounded == Money(kronor: share) }, "\(year)")
        }
    }

    @Test("903 000 kr / 13 at 100 kr (2014, before Kiruna joined): 8 × 69 500 + 5 × 69 400, the tie broken by ascending organisationsnummer")
    func tieBreak2014() throws {
        let result = try AllocationEngine.allocate(SeedCommittees.line("GRUND", "Grundbelopp", kronor: 903_000, model: .equal),
                                                   context: SeedCommittees.norrbotten(2014))
        #expect(result.shares.count == 13)
        #expect(result.share(of: "kiruna") == nil)
        let low = Set(result.shares.filter { $0.rounded == Money(kronor: 69_400) }.map(\.party))
        #expect(result.shares.filter { $0.rounded == Money(kronor: 69_500) }.count == 8)
        // Every remainder is the same 8/13 of a unit; the seven 212000-… numbers and 999999-0014
        // (Arjeplog) come first.
        #expect(low == ["arvidsjaur", "kalix", "alvsbyn", "overkalix", "overtornea"])
        #expect(result.explanation.contains { $0.contains("ascending organisationsnummer decides") })
        #expect(result.shares.reduce(Money.zero) { $0 + $1.rounded } == Money(kronor: 903_000))
        #expect(result.share(of: "arvidsjaur")?.adjustment == Money(kronor: -100))
    }

    @Test("ECO-system grundplattform 2023: 509 200 kr by 50/50 (half equally, half by population) at 100 kr, every party as in the seed")
    func ecoSystem() throws {
        let seed: [String: Int64] = [
            "arjeplog": 21_000, "arvidsjaur": 24_500, "boden": 46_800, "gallivare": 36_000, "haparanda": 28_000,
            "jokkmokk": 23_100, "kalix": 34_300, "kiruna": 41_300, "lulea": 98_200, "pajala": 24_300, "pitea": 61_200,
            "alvsbyn": 26_400, "overkalix": 21_600, "overtornea": 22_500,
        ]
        let line = SeedCommittees.line("ECO-GRUND", "ECO-system grundplattform", kronor: 509_200,
                                       model: .mix(key: SeedCommittees.population2022))
        let result = try AllocationEngine.allocate(line, context: SeedCommittees.norrbotten(2023))
        #expect(result.kronor == seed)
        #expect(result.inputs.keys.count == 14)
        #expect(result.inputs.keys.first { $0.party == "lulea" }?.value == 115_900)
        #expect(result.share(of: "arjeplog")?.weightDescription.contains("4 100 of 368 800") == true)
        #expect(result.explanation.contains { $0.contains("Luleå kommun is the host") })
    }

    @Test("the HR pre-study: 368 800 kr by population, Luleå 115 900, Arjeplog 4 100")
    func hrPreStudy() throws {
        let line = SeedCommittees.line("HR-FS", "Förstudie HR", kronor: 368_800, model: .byKey(SeedCommittees.population2022))
        let result = try AllocationEngine.allocate(line, context: SeedCommittees.norrbotten(2022))
        #expect(result.kronor["lulea"] == 115_900)
        #expect(result.kronor["arjeplog"] == 4_100)
        #expect(result.share(of: "lulea")?.exact == ExactAmount(Money(kronor: 115_900)))
    }

    @Test("e-learning: 1 125 000 kr in proportion to the 937 200 kr staff-cost column, whole kronor; the seed's column sums to 1 124 999 and the krona goes to Gällivare")
    func eLearning() throws {
        let seed: [String: Int64] = [
            "arjeplog": 48_015, "arvidsjaur": 55_458, "boden": 102_273, "gallivare": 79_585, "haparanda": 62_780,
            "jokkmokk": 52_577, "kalix": 76_104, "kiruna": 91_109, "lulea": 209_467, "pajala": 55_098, "pitea": 132_642,
            "alvsbyn": 59_419, "overkalix": 49_216, "overtornea": 51_256,
        ]
        #expect(seed.values.reduce(0, +) == 1_124_999)
        let line = SeedCommittees.line("ELEARN", "E-learning plattform", kronor: 1_125_000, unit: 1,
                                       model: .proportional(SeedCommittees.table(SeedCommittees.staffCost, stated: 937_200,
                                                                                 source: "Personalkostnad, seed 002 § 13")))
        let result = try AllocationEngine.allocate(line, context: SeedCommittees.norrbotten(2022))
        var expected = seed
        expected["gallivare"] = 79_586
        #expect(result.kronor == expected)
        #expect(result.shares.reduce(Money.zero) { $0 + $1.rounded } == Money(kronor: 1_125_000))
        let gallivare = try #require(result.share(of: "gallivare"))
        #expect(gallivare.nearest == Money(kronor: 79_585))
        #expect(gallivare.adjustment == Money(kronor: 1))
        #expect(gallivare.weight == Fraction(66_300, 937_200))
        // 1 125 000 kr × 66 300 / 937 200 = 7 958 546 574/781 öre, kept exactly.
        #expect(gallivare.exact == ExactAmount(wholeOre: 7_958_546, remainder: 574, denominator: 781))
        #expect(gallivare.exact.description == "79 585,46 kr + 574/781 öre")
        #expect(result.shares.filter { $0.adjustment != .zero }.map(\.party) == ["gallivare"])
        let sentence = try #require(result.explanation.first { $0.hasPrefix("Rounded to the nearest") })
        #expect(sentence.contains("1 124 999 kr, 1 kr short of 1 125 000 kr"))
        #expect(sentence.contains("Gällivare kommun +1 kr (79 585,47 → 79 586)"))
    }

    @Test("by usage: 175 800 kr of transaction costs in proportion to each party's count")
    func usage() throws {
        let counts: [(String, Int64)] = SeedCommittees.norrbottenRows.enumerated().map { ($0.element.code, Int64(100 + 37 * $0.offset)) }
        let line = SeedCommittees.line("TRANS", "Transaktionskostnader", kronor: 175_800, unit: 1,
                                       model: .usage(SeedCommittees.table(counts, source: "illustrative counts")))
        let result = try AllocationEngine.allocate(line, context: SeedCommittees.norrbotten(2023))
        #expect(result.shares.reduce(Money.zero) { $0 + $1.rounded } == Money(kronor: 175_800))
        #expect(result.kronor["arjeplog"]! < result.kronor["overtornea"]!)
    }

    @Test("fixed amounts per party: the seed's Räddningstjänsten column is taken as given")
    func fixed() throws {
        let rows: [(String, Int64)] = [
            ("arjeplog", 25_800), ("arvidsjaur", 30_200), ("boden", 67_700), ("gallivare", 44_400), ("haparanda", 45_200),
            ("jokkmokk", 39_300), ("kalix", 67_500), ("kiruna", 50_900), ("lulea", 149_600), ("pajala", 40_600),
            ("pitea", 74_000), ("alvsbyn", 32_300), ("overkalix", 37_200), ("overtornea", 27_800),
        ]
        let line = SeedCommittees.line("RTJ", "Räddningstjänsten system", kronor: 732_500,
                                       model: .fixed(SeedCommittees.table(rows, ore: true, stated: 732_500)))
        let result = try AllocationEngine.allocate(line, context: SeedCommittees.norrbotten(2023))
        #expect(result.kronor == Dictionary(uniqueKeysWithValues: rows))
        #expect(result.shares.allSatisfy { $0.adjustment == .zero })
    }

    @Test("pro rata by days connected: 36 500 kr over 2023, two parties all year and one from 1 July")
    func daysConnected() throws {
        let parties = Array(SeedCommittees.norrbotten.prefix(3))
        let context = AllocationContext(year: 2023, parties: parties)
        let connections = [PartyPeriod(party: "arjeplog", from: CalendarDate("2023-01-01")!),
                           PartyPeriod(party: "arvidsjaur", from: CalendarDate("2022-05-01")!),
                           PartyPeriod(party: "boden", from: CalendarDate("2023-07-01")!)]
        let line = SeedCommittees.line("PLATT", "Plattform", kronor: 36_500, unit: 1,
                                       model: .daysConnected(connections: connections))
        let result = try AllocationEngine.allocate(line, context: context)
        // 100 kr a day: 181 days shared by two (50 each), 184 days by three (33,33… each).
        // Arjeplog and Arvidsjaur 15 183,33…, Boden 6 133,33…; the krona left goes to the lowest
        // organisationsnummer of the three equal remainders, Boden's 212000-2767.
        #expect(result.kronor == ["arjeplog": 15_183, "arvidsjaur": 15_183, "boden": 6_134])
        #expect(result.share(of: "boden")?.weightDescription.hasPrefix("connected 184 of 365 days") == true)
        #expect(result.inputs.period == Period.year(2023))
    }

    @Test("pro rata by days, by a key among those connected, with membership dates when no connections are given")
    func daysConnectedByKey() throws {
        let context = AllocationContext(year: 2015, parties: SeedCommittees.norrbotten,
                                        keys: [SeedCommittees.population2022: SeedCommittees.norrbottenPopulation])
        var parties = SeedCommittees.norrbotten
        parties[7].joinedOn = CalendarDate("2015-07-01")! // Kiruna joins mid-year
        let line = SeedCommittees.line("PLATT", "Plattform", kronor: 1_000_000, unit: 1,
                                       model: .daysConnected(key: SeedCommittees.population2022))
        let result = try AllocationEngine.allocate(line, context: AllocationContext(year: 2015, parties: parties, keys: context.keys))
        #expect(result.shares.reduce(Money.zero) { $0 + $1.rounded } == Money(kronor: 1_000_000))
        let kiruna = try #require(result.share(of: "kiruna"))
        #expect(kiruna.weightDescription.hasPrefix("connected 184 of 365 days"))
        #expect(kiruna.rounded < Money(kronor: 1_000_000 * 33_500 / 368_800))
    }

    @Test("participants only: a project shared by the parties that take part")
    func participantsOnly() throws {
        let line = SeedCommittees.line("PROJ", "Förstudie e-learning", kronor: 60_000, unit: 1, model: .equal,
                                       participants: ["boden", "haparanda", "jokkmokk", "kalix", "lulea", "overtornea"])
        let result = try AllocationEngine.allocate(line, context: SeedCommittees.norrbotten(2022))
        #expect(result.kronor == ["boden": 10_000, "haparanda": 10_000, "jokkmokk": 10_000, "kalix": 10_000,
                                  "lulea": 10_000, "overtornea": 10_000])
    }
}
