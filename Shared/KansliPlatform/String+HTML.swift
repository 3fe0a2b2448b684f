extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities: safe as HTML text and as
    /// a quoted attribute value. The renderers of invoices and minutes share it.
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
