extension Money {
    /// The longest text accepted as an amount.
    public static let maximumTextLength = 40

    /// Reads an amount as people write it: `1 127 000`, `1127000 kr`, `79 585,47`, `-100`,
    /// `79585.47`; spaces (also no-break spaces) may group digits; at most two decimals.
    /// Nil when the text is not an amount or lies beyond `limit`.
    public init?(parsing text: String) {
        guard text.utf8.count <= Money.maximumTextLength else { return nil }
        var body = Substring(text)
        while let last = body.last, last == " " { body = body.dropLast() }
        if body.hasSuffix("kr") { body = body.dropLast(2) }
        var negative = false
        var kronor: Int64 = 0
        var ore: Int64 = 0
        var decimals = -1
        var sawDigit = false
        for (index, character) in body.enumerated() {
            switch character {
            case " ", "\u{00A0}", "\u{202F}":
                guard decimals < 0 else { return nil }
            case "-", "−":
                guard index == 0 else { return nil }
                negative = true
            case ",", ".":
                guard decimals < 0, sawDigit else { return nil }
                decimals = 0
            case "0"..."9":
                let digit = Int64(character.asciiValue! - 48)
                sawDigit = true
                if decimals >= 0 {
                    decimals += 1
                    guard decimals <= 2 else { return nil }
                    ore = ore * 10 + digit
                } else {
                    kronor = kronor * 10 + digit
                    guard kronor <= Money.limit / 100 else { return nil }
                }
            default:
                return nil
            }
        }
        guard sawDigit, decimals != 0 else { return nil }
        if decimals == 1 { ore *= 10 }
        let total = kronor * 100 + ore
        guard total <= Money.limit else { return nil }
        self.init(ore: negative ? -total : total)
    }
}
