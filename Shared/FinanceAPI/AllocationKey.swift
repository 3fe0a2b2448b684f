/// Which registry key a model reads, and for which key year (the year the figures are recorded
/// under in the registry, which the model names explicitly: budget turnover of the year before
/// last, pupils of 15 October the year before …).
public struct AllocationKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The key.
    public var kind: AllocationKeyKind
    /// The key year.
    public var year: Int

    /// A key reference.
    public init(kind: AllocationKeyKind, year: Int) {
        self.kind = kind
        self.year = year
    }

    /// `population 2022`.
    public var description: String { "\(kind.rawValue) \(year)" }
}
