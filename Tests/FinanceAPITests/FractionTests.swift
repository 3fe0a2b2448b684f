import FinanceAPI
import KansliCoding
import Testing

@Suite("Fractions, exact amounts and indexation")
struct FractionTests {
    @Test("fractions are kept in lowest terms and parse from 1/2, 0.5 and 5.8 %")
    func fractions() {
        #expect(Fraction(76_100, 1_065_400) == Fraction(1, 14))
        #expect(Fraction(parsing: "1/2") == .half)
        #expect(Fraction(parsing: "0.5") == .half)
        #expect(Fraction(parsing: "5.8%") == Fraction(58, 1000))
        #expect(Fraction(parsing: "2 %") == Fraction(2, 100))
        #expect(Fraction(1, 0) == nil)
        #expect(Fraction(-1, 2) == nil)
        #expect(Fraction(parsing: "x") == nil)
        #expect(Fraction(parsing: "1.") == nil)
    }

    @Test("a decoded fraction with a zero denominator is refused")
    func hostileFraction() throws {
        struct Raw: Codable { var numerator: Int64; var denominator: Int64 }
        let bytes = try BinaryEncoder().encode(Raw(numerator: 1, denominator: 0))
        #expect(throws: (any Error).self) { try BinaryDecoder().decode(Fraction.self, from: bytes) }
    }

    @Test("AKI 5.8 % is the factor 1058/1000; index values give their ratio")
    func indexation() {
        #expect(Indexation.increase(by: Fraction(parsing: "5.8%")!, label: "AKI")?.factor == Fraction(1058, 1000))
        #expect(Indexation.increase(by: Fraction(parsing: "2 %")!, label: "2 %")?.factor == Fraction(102, 100))
        #expect(Indexation.indexValues(from: 1000, to: 1058, label: "AKI")?.factor == Fraction(1058, 1000))
        #expect(Indexation.indexValues(from: 0, to: 1, label: "bad") == nil)
    }

    @Test("an exact amount keeps the remainder of an öre and says it")
    func exactAmount() {
        let gallivare = ExactAmount(wholeOre: 7_958_546, remainder: 7_340, denominator: 10_000)
        #expect(gallivare.description == "79 585,46 kr + 367/500 öre")
        #expect(ExactAmount(Money(kronor: 80_500)).description == "80 500,00 kr")
        #expect(ExactAmount(Money(kronor: 80_500)).isWhole)
    }
}
