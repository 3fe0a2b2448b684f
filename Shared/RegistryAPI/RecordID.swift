import KansliProtocol

/// The ids of records inside a committee: parties (`lulea`), persons (`isak-utsi`), appointments
/// (`isak-utsi-2019`), roles, staff assignments, pairings and signing keys.
///
/// An id is 1–64 characters of lower-case ASCII letters, digits and single hyphens, starting and
/// ending with a letter or digit: easy to type in the CLI, safe in file names and URLs, and stable
/// through export and re-import. Ids are unique per kind of record within one committee.
public enum RecordID {
    /// The longest id accepted.
    public static let maxLength = 64

    /// Whether `text` is a well-formed record id.
    public static func isValid(_ text: String) -> Bool {
        // The length first: the text may be a 1 MiB request field, not worth copying.
        guard (1...maxLength).contains(text.utf8.count) else { return false }
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            case UInt8(ascii: "-"):
                if index == 0 || index == bytes.count - 1 || bytes[index - 1] == byte { return false }
            default: return false
            }
        }
        return true
    }

    /// Checks `text`; the error explains the format and quotes the text.
    public static func validate(_ text: String) throws(FormatError) {
        guard isValid(text) else {
            throw FormatError(
                "\(ServiceError.quote(text)) is not a valid id: use 1–\(maxLength) lower-case letters a–z, digits and "
                    + "single hyphens, starting and ending with a letter or digit, e.g. isak-utsi")
        }
    }

    /// A slug made from a name: Swedish and other Latin letters folded to ASCII (å, ä → a, ö → o,
    /// é → e), everything else turned into single hyphens, cut to `maxLength`. "Övertorneå" becomes
    /// `overtornea`, "Inga Savilahti Häggbo" `inga-savilahti-haggbo`. Returns `x` for a name with no
    /// letters or digits at all.
    public static func slug(from name: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen {
                result.append("-")
                pendingHyphen = false
            }
            result += folded
        }
        if result.count > maxLength {
            result = String(result.prefix(maxLength))
            while result.hasSuffix("-") { result.removeLast() }
        }
        return result.isEmpty ? "x" : result
    }

    /// The ASCII letters or digits a lower-case scalar becomes in a slug; empty for a separator.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "å", "ä", "á", "à", "â", "ã", "ā": return "a"
        case "æ": return "ae"
        case "ö", "ø", "ó", "ò", "ô", "õ": return "o"
        case "é", "è", "ê", "ë": return "e"
        case "í", "ì", "î", "ï": return "i"
        case "ú", "ù", "û", "ü": return "u"
        case "ý", "ÿ": return "y"
        case "ç": return "c"
        case "ñ": return "n"
        case "š": return "s"
        case "ž": return "z"
        case "č": return "c"
        case "ß": return "ss"
        default: return ""
        }
    }
}
