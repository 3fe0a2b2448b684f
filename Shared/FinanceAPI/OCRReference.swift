import KansliPlatform

/// Swedish OCR payment references (*OCR-nummer*) with a length digit and a Luhn check digit,
/// the form a bankgiro checks in "hård kontroll": the invoice number's digits, then the total
/// length modulo 10, then the Luhn check digit of everything before it (2300001 → 230000192).
public enum OCRReference {
    /// The longest reference a bankgiro accepts: 25 digits.
    public static let maximumLength = 25

    /// The reference for `digits` (decimal digits only, at least one, short enough that the
    /// reference keeps within 25 digits), or nil.
    public static func make(from digits: String) -> String? {
        guard !digits.isEmpty, digits.utf8.count + 2 <= maximumLength, let values = Luhn.digits(of: Substring(digits)) else { return nil }
        let length = (values.count + 2) % 10
        let check = Luhn.checkDigit(for: values + [length])
        return digits + String(length) + String(check)
    }

    /// Whether `reference` is digits whose last is the Luhn check digit of the rest and whose
    /// second-to-last is the total length modulo 10.
    public static func isValid(_ reference: String) -> Bool {
        guard (3...maximumLength).contains(reference.utf8.count), let values = Luhn.digits(of: Substring(reference)) else { return false }
        return values[values.count - 2] == values.count % 10
            && Luhn.isValid(values)
    }

    /// The digits a valid `reference` was made from (the invoice number), or nil.
    public static func payload(of reference: String) -> String? {
        isValid(reference) ? String(reference.dropLast(2)) : nil
    }
}
