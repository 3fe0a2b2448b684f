/// The Luhn (mod 10) check digit that Swedish organisationsnummer, bankgiro numbers and OCR
/// payment references end with.
///
/// From the rightmost digit leftwards, every second digit *before* the check digit is doubled
/// (and 9 subtracted when the product exceeds 9); the check digit makes the sum a multiple of 10.
public enum Luhn {
    /// The check digit for `payload` (the digits without the check digit).
    public static func checkDigit(for payload: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in payload.reversed().enumerated() {
            if offset % 2 == 0 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }

    /// Whether the last of `digits` is the Luhn check digit of the ones before it.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard let last = digits.last, digits.count >= 2 else { return false }
        return checkDigit(for: Array(digits.dropLast())) == last
    }

    /// The decimal digits of `text` when it consists of digits only, else nil.
    public static func digits(of text: Substring) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            result.append(Int(byte - UInt8(ascii: "0")))
        }
        return result
    }
}
