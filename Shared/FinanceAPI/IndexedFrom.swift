/// Which budget a budget was indexed from, and by what.
public struct IndexedFrom: Hashable, Sendable, Codable {
    /// The year indexed from.
    public var year: Int
    /// Its version.
    public var version: Int
    /// The indexation.
    public var indexation: Indexation

    /// A record of an indexation.
    public init(year: Int, version: Int, indexation: Indexation) {
        self.year = year
        self.version = version
        self.indexation = indexation
    }
}
