/// Whether a budget line is income (what the parties pay in) or cost (what the committee spends).
public enum LineDirection: String, Codable, Sendable, CaseIterable {
    /// Income (*intäkt*): allocated to the parties and, in finance part 2, invoiced.
    case income
    /// Cost (*kostnad*).
    case cost
}
