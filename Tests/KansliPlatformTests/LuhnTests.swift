import Testing

import KansliPlatform

@Suite("Luhn")
struct LuhnTests {
    @Test("The check digit of 212000262 is 7 and of 5050105 is 5")
    func checkDigitsOfKnownNumbers() {
        #expect(Luhn.checkDigit(for: [2, 1, 2, 0, 0, 0, 2, 6, 2]) == 7)
        #expect(Luhn.checkDigit(for: [5, 0, 5, 0, 1, 0, 5]) == 5)
        #expect(Luhn.isValid([7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3]))  // the classic example 79927398713
    }

    @Test("Digits of text: only ASCII digits")
    func digitsOfText() {
        #expect(Luhn.digits(of: "0123") == [0, 1, 2, 3])
        #expect(Luhn.digits(of: "01-3") == nil)
        #expect(Luhn.digits(of: "٣") == nil)
    }
}
