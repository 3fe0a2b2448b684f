import FinanceAPI
import KansliCoding
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("formats with a space between thousands and kr after it, öre only when there are some")
    func formatting() {
        #expect(Money(kronor: 1_127_000).description == "1 127 000 kr")
        #expect(Money(kronor: 80_500).description == "80 500 kr")
        #expect(Money(kronor: 100).description == "100 kr")
        #expect(Money(ore: 7_958_547).description == "79 585,47 kr")
        #expect(Money(ore: 5).description == "0,05 kr")
        #expect(Money(kronor: -100).description == "-100 kr")
        #expect(Money(kronor: 7_618_100).formatted(unit: false) == "7 618 100")
        #expect(Money(kronor: 1_000_000_000).description == "1 000 000 000 kr")
    }

    @Test("reads amounts as people write them and refuses what is not one")
    func parsing() {
        #expect(Money(parsing: "1 127 000") == Money(kronor: 1_127_000))
        #expect(Money(parsing: "1127000 kr") == Money(kronor: 1_127_000))
        #expect(Money(parsing: "79 585,47") == Money(ore: 7_958_547))
        #expect(Money(parsing: "79585.5") == Money(ore: 7_958_550))
        #expect(Money(parsing: "-100") == Money(kronor: -100))
        #expect(Money(parsing: "1\u{00A0}065\u{00A0}400") == Money(kronor: 1_065_400))
        for bad in ["", "kr", "1,234", "12a", "1 000,5,0", "1-0", ",5", "12,", String(repeating: "9", count: 41),
                    "99999999999999"] {
            #expect(Money(parsing: bad) == nil, "\(bad) is not an amount")
        }
    }

    @Test("travels as one integer of öre and back")
    func coding() throws {
        let bytes = try BinaryEncoder().encode(Money(ore: 112_700_000))
        #expect(try BinaryDecoder().decode(Money.self, from: bytes) == Money(ore: 112_700_000))
        #expect(try BinaryDecoder().decode(Int64.self, from: bytes) == 112_700_000)
    }
}
