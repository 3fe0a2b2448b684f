import DocumentsAPI

/// How the documents write numbers, ranges and names in Swedish, as seed 002 does.
enum SwedishText {
    /// `8-14`, or `8` for one number; `8-10, 12` for a broken run.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var previous: Int?
        for number in numbers.sorted() {
            if let last = previous, number == last + 1 {
                previous = number
                continue
            }
            if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)-\(last)") }
            start = number
            previous = number
        }
        if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)-\(last)") }
        return parts.joined(separator: ", ")
    }

    /// `§ 8-14`.
    static func paragraphs(_ numbers: [Int]) -> String { "§ " + ranges(numbers) }

    /// The genitive of a name: `E-nämnden` → `E-nämndens`; a name ending in s, x or z is left as it is.
    static func genitive(_ name: String) -> String {
        guard let last = name.last?.lowercased() else { return name }
        return ["s", "x", "z"].contains(last) ? name : name + "s"
    }

    /// The roles a member holds, as the attendance list writes them after the party.
    static func roles(_ roles: [String]) -> String {
        roles.compactMap { ["chair": "ordförande", "vice-chair": "vice ordförande"][$0] }.joined(separator: ", ")
    }

    /// `kl. 13:00 - 14:40`.
    static func clock(_ start: String, _ end: String?) -> String {
        "kl. \(start)" + (end.map { " - \($0)" } ?? "")
    }
}
