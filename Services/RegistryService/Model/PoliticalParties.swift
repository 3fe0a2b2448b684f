import KansliPlatform
import RegistryAPI

/// The political parties an appointment may name, and the spellings that mean each one, so the
/// same party is always stored the same way: `S`, `s`, `(S)` and `Socialdemokraterna` are all S.
///
/// The national parties (those in the Riksdag) are stored by the abbreviation the minutes use;
/// a committee's local parties (`Committee.localPoliticalParties`, e.g. "Kommunens väl") by the
/// name the committee lists, whatever the case they are typed in. Anything else is unknown, and
/// the rules refuse it, so a typo cannot become a new political party.
public enum PoliticalParties {
    /// The parties in the Riksdag, as the minutes abbreviate them.
    public static let national = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]

    /// Other spellings of the national parties, in lower case, and the abbreviation each means:
    /// the parties' names, their longer official names, and Folkpartiet (FP), which became
    /// Liberalerna (L) in 2015.
    static let aliases: [String: String] = [
        "socialdemokraterna": "S", "sveriges socialdemokratiska arbetareparti": "S", "sap": "S",
        "moderaterna": "M", "moderata samlingspartiet": "M",
        "sverigedemokraterna": "SD",
        "centerpartiet": "C", "centern": "C",
        "vänsterpartiet": "V",
        "kristdemokraterna": "KD",
        "liberalerna": "L", "folkpartiet": "L", "folkpartiet liberalerna": "L", "fp": "L",
        "miljöpartiet": "MP", "miljöpartiet de gröna": "MP",
    ]

    /// `text` without surrounding white space and one pair of surrounding parentheses (the
    /// minutes write "Isak Utsi (S)"), its inner white space collapsed to single spaces.
    static func cleaned(_ text: String) -> String {
        var trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("("), trimmed.hasSuffix(")"), trimmed.count >= 2 {
            trimmed = String(trimmed.dropFirst().dropLast()).trimmingWhitespace()
        }
        return trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The national party `text` names (its abbreviation), or nil.
    public static func nationalParty(_ text: String) -> String? {
        let cleaned = cleaned(text)
        let upper = cleaned.uppercased()
        if national.contains(upper) { return upper }
        return aliases[cleaned.lowercased()]
    }

    /// The political party `text` names among the national parties and `localParties`, in its
    /// stored form, or nil when it names none of them.
    public static func canonical(_ text: String, localParties: [String]) -> String? {
        if let national = nationalParty(text) { return national }
        let key = cleaned(text).lowercased()
        return localParties.first { cleaned($0).lowercased() == key }.map(cleaned)
    }
}
