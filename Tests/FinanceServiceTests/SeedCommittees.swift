import FinanceAPI
import KansliProtocol
@testable import FinanceService

/// The seeds' committees as the registry's seed files (deploy/seed-data) give them: parties with
/// organisationsnummer, host flag and join dates, and Norrbotten's population 2022 (illustrative:
/// the HR pre-study table of seed 002).
enum SeedCommittees {
    /// Norrbottens e-nämnd's 14 parties, in the registry's order, with population 2022.
    static let norrbottenRows: [(code: String, name: String, number: String, host: Bool, joined: String, population: Int64)] = [
        ("arjeplog", "Arjeplogs kommun", "999999-0014", false, "2014-01-01", 4100),
        ("arvidsjaur", "Arvidsjaurs kommun", "999999-0022", false, "2014-01-01", 9100),
        ("boden", "Bodens kommun", "212000-2767", false, "2014-01-01", 41400),
        ("gallivare", "Gällivare kommun", "212000-2726", false, "2014-01-01", 25800),
        ("haparanda", "Haparanda kommun", "212000-2775", false, "2014-01-01", 14200),
        ("jokkmokk", "Jokkmokks kommun", "212000-2676", false, "2014-01-01", 7200),
        ("kalix", "Kalix kommun", "999999-0030", false, "2014-01-01", 23400),
        ("kiruna", "Kiruna kommun", "212000-2783", false, "2015-01-01", 33500),
        ("lulea", "Luleå kommun", "212000-2742", true, "2014-01-01", 115900),
        ("pajala", "Pajala kommun", "212000-2718", false, "2014-01-01", 8800),
        ("pitea", "Piteå kommun", "212000-2759", false, "2014-01-01", 62300),
        ("alvsbyn", "Älvsbyns kommun", "999999-0048", false, "2014-01-01", 11900),
        ("overkalix", "Överkalix kommun", "999999-0055", false, "2014-01-01", 4900),
        ("overtornea", "Övertorneå kommun", "999999-0063", false, "2014-01-01", 6300),
    ]

    static let norrbotten: [PartyFacts] = norrbottenRows.map {
        PartyFacts(code: $0.code, name: $0.name, organisationNumber: $0.number, isHost: $0.host, joinedOn: CalendarDate($0.joined)!)
    }

    static let population2022 = AllocationKey(kind: .population, year: 2022)

    static let norrbottenPopulation: [KeyFigure] = norrbottenRows.map {
        KeyFigure(party: $0.code, kind: .population, year: 2022, value: $0.population, referenceDate: CalendarDate("2021-12-31")!,
                  source: "illustrative: the HR pre-study table of seed 002", illustrative: true)
    }

    /// Norrbotten in `year`, with population 2022.
    static func norrbotten(_ year: Int) -> AllocationContext {
        AllocationContext(year: year, parties: norrbotten, keys: [population2022: norrbottenPopulation])
    }

    /// Gemensam nämnd för samverkan (Jämtland): the region (host) and eight municipalities.
    static let jamtland: [PartyFacts] = [
        ("region-jh", "Region Jämtland Härjedalen", "232100-0214", true, "2017-01-01"),
        ("ostersund", "Östersunds kommun", "999999-1012", false, "2018-07-01"),
        ("are", "Åre kommun", "999999-1020", false, "2017-01-01"),
        ("krokom", "Krokoms kommun", "999999-1038", false, "2018-07-01"),
        ("berg", "Bergs kommun", "999999-1046", false, "2018-07-01"),
        ("bracke", "Bräcke kommun", "999999-1053", false, "2018-07-01"),
        ("ragunda", "Ragunda kommun", "999999-1061", false, "2018-07-01"),
        ("stromsund", "Strömsunds kommun", "999999-1079", false, "2018-07-01"),
        ("harjedalen", "Härjedalens kommun", "999999-1087", false, "2018-07-01"),
    ].map { PartyFacts(code: $0.0, name: $0.1, organisationNumber: $0.2, isHost: $0.3, joinedOn: CalendarDate($0.4)!) }

    /// The e-learning staff-cost column of seed 002 ("Kostnads kalkyl (2)", 14 rows, 937 200 kr).
    static let staffCost: [(String, Int64)] = [
        ("arjeplog", 40_000), ("arvidsjaur", 46_200), ("boden", 85_200), ("gallivare", 66_300), ("haparanda", 52_300),
        ("jokkmokk", 43_800), ("kalix", 63_400), ("kiruna", 75_900), ("lulea", 174_500), ("pajala", 45_900),
        ("pitea", 110_500), ("alvsbyn", 49_500), ("overkalix", 41_000), ("overtornea", 42_700),
    ]

    /// A table in kronor from `(party, kronor)` pairs; `fixed` tables are öre, so `ore` scales.
    static func table(_ rows: [(String, Int64)], ore: Bool = false, stated: Int64? = nil, source: String? = nil) -> PartyTable {
        let scale: Int64 = ore ? 100 : 1
        let converted = rows.map { PartyAmount(party: $0.0, value: $0.1 * scale) }
        return PartyTable(rows: converted, statedTotal: stated.map { $0 * scale } ?? converted.reduce(0) { $0 + $1.value },
                          source: source)
    }

    /// A line with the defaults of the seed budgets (100 kr unit, outside the scope of VAT).
    static func line(_ code: String, _ name: String, kronor: Int64, unit: Int64 = 100, model: AllocationModel,
                     participants: [String]? = nil) -> BudgetLine {
        BudgetLine(objectCode: code, name: name, amount: Money(kronor: kronor), unit: Money(kronor: unit),
                   participants: participants, model: model)
    }
}

extension LineAllocation {
    /// Each party's rounded share in kronor, by code.
    var kronor: [String: Int64] {
        Dictionary(uniqueKeysWithValues: shares.map { ($0.party, $0.rounded.ore / 100) })
    }
}
