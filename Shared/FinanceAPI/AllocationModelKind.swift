/// How a line's amount is divided among its participating parties.
public enum AllocationModelKind: String, Codable, Sendable, CaseIterable {
    /// Equal shares (*lika delar*): base funding 1 065 400 kr / 14 = 76 100.
    case equal
    /// In proportion to a registry key of the parties for the model's key year (population …).
    case key
    /// A share equally, the rest by a key: the "50/50" model (`equalPart` 1/2).
    case mix
    /// In proportion to another distribution: a table of weights (the 937 200 kr staff-cost column)
    /// or another line's allocation (`sourceLine`).
    case proportional
    /// Fixed amounts per party as a document gives them; the rows must sum to the line.
    case fixed
    /// By usage: quantities per party entered or imported at year end (transaction costs).
    case usage
    /// Pro rata by days connected: each day's cost (amount / days of the period) split among the
    /// parties connected that day, equally or by `key` among them.
    case daysConnected = "days-connected"
}
