import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("YearlyKeyTableBuilder")
struct YearlyKeyTableTests {
    @Test("Norrbotten's population for 2022 sums to the HR pre-study's 368 800 (Luleå 115 900, Arjeplog 4 100) and is marked illustrative")
    func norrbottenPopulation2022() throws {
        let table = try YearlyKeyTableBuilder.table(of: Fixtures.norrbottenState(), kind: .population, year: 2022)
        #expect(table.rows.count == 14)
        #expect(table.missing.isEmpty)
        #expect(table.total == 368_800)
        #expect(table.rows.first { $0.party == "lulea" }?.value == 115_900)
        #expect(table.rows.first { $0.party == "arjeplog" }?.value == 4_100)
        #expect(table.illustrative)
        #expect(table.rows.map(\.party).first == "arjeplog", "rows follow the committee's party order")
    }

    @Test("A year without figures lists every member party as missing")
    func missingFigures() throws {
        let table = try YearlyKeyTableBuilder.table(of: Fixtures.norrbottenState(), kind: .population, year: 2023)
        #expect(table.rows.isEmpty)
        #expect(table.missing.count == 14)
        #expect(table.total == 0)
        #expect(!table.illustrative)
    }

    @Test("Only parties that are members in the year are listed: Kiruna is not in 2014's table")
    func onlyMembersOfTheYear() throws {
        let table = try YearlyKeyTableBuilder.table(of: Fixtures.norrbottenState(), kind: .pupils, year: 2014)
        #expect(table.missing.count == 13)
        #expect(!table.missing.contains("kiruna"))
    }

    @Test("An official figure replaces the illustrative flag for that party without code changes")
    func officialFigureIsNotIllustrative() throws {
        var file = try Fixtures.norrbotten()
        let index = file.yearlyKeys.firstIndex { $0.party == "lulea" }!
        file.yearlyKeys[index] = YearlyKey(party: "lulea", kind: .population, year: 2022, value: 79_638,
                                           referenceDate: Fixtures.day("2021-12-31"), source: "SCB")
        let table = try YearlyKeyTableBuilder.table(of: CommitteeState(file), kind: .population, year: 2022)
        #expect(table.rows.first { $0.party == "lulea" }?.illustrative == false)
        #expect(table.illustrative, "the other parties are still illustrative")
        expectServiceError(.validation, field: "year") {
            _ = try YearlyKeyTableBuilder.table(of: CommitteeState(file), kind: .population, year: 10_000)
        }
    }
}
