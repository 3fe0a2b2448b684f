import KansliProtocol
import RegistryAPI

/// How the registry commands write records as text: English labels, the data as stored, columns
/// aligned by `TextTable`.
enum RegistryText {
    /// A table with `header` and `rows`, or `empty` when there are no rows.
    static func table(_ header: [String], _ rows: [[String]], empty: String) -> String {
        guard !rows.isEmpty else { return empty }
        var table = TextTable(header)
        for row in rows { table.add(row) }
        return table.render()
    }

    /// One record as a two-column table of its fields; fields without a value are left out.
    static func fields(_ rows: [(String, String?)]) -> String {
        var table = TextTable(["field", "value"])
        for (label, value) in rows {
            if let value, !value.isEmpty { table.add([label, value]) }
        }
        return table.render()
    }

    /// A section below a record: a blank line, its title, and its table (or nothing when empty).
    static func section(_ title: String, _ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "" }
        return "\n\n\(title)\n" + table(header, rows, empty: "")
    }

    /// `2019-01-01–2022-12-31`, or `from 2022-01-01` while it lasts.
    static func span(_ from: CalendarDate, _ to: CalendarDate?) -> String {
        DateSpan(from: from, to: to).description
    }

    /// The date, or an empty cell.
    static func date(_ date: CalendarDate?) -> String {
        date?.description ?? ""
    }

    /// `yes`, or an empty cell.
    static func yes(_ value: Bool) -> String {
        value ? "yes" : ""
    }

    /// A whole number with a space between groups of three digits, as Swedish documents write
    /// figures: `115 900`, `1 127 000`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(" ") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `Isak Utsi (S)`: a member as the minutes name them.
    /// How a member of staff serves: `t.f.` (acting), `external`, both, or nothing for the holder.
    static func capacity(acting: Bool, external: Bool) -> String {
        [acting ? "t.f." : nil, external ? "external" : nil].compactMap { $0 }.joined(separator: ", ")
    }

    static func member(_ member: CompositionMember) -> String {
        "\(member.name) (\(member.politicalParty))"
    }

    /// `chair`, `vice chair`.
    static func role(_ role: CommitteeRole) -> String {
        switch role {
        case .chair: "chair"
        case .viceChair: "vice chair"
        }
    }

    /// Who a pairing makes the ersättare stand in for: `for lena-goldkuhl-2019` or `rank 1`.
    static func pairingTarget(_ pairing: SubstitutePairing) -> String {
        if let ledamot = pairing.ledamot { return "for \(ledamot)" }
        return pairing.rank.map { "rank \($0)" } ?? ""
    }

    /// The first hex digits of a public key, enough to tell keys apart in a list.
    static func keyPrefix(_ publicKey: String) -> String {
        publicKey.count > 16 ? "\(publicKey.prefix(16))…" : publicKey
    }
}
