import KansliProtocol

/// Quorum (beslutförhet) at one paragraph.
public struct Quorum: Codable, Sendable, Equatable {
    /// Ledamöter serving, counting serving ersättare.
    public var serving: Int
    /// The committee's ledamot seats.
    public var seats: Int
    /// The fewest that make a quorum: more than half of the seats.
    public var needed: Int

    /// A `Quorum`.
    public init(serving: Int, seats: Int, needed: Int) {
        self.serving = serving
        self.seats = seats
        self.needed = needed
    }
}
