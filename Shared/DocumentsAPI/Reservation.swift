import KansliProtocol

/// A member's recorded dissent against a decision.
public struct Reservation: Codable, Sendable, Equatable {
    /// The member's person id (one who took part in the decision).
    public var person: String
    /// The reason, if given.
    public var reason: String?

    /// A `Reservation`.
    public init(person: String, reason: String? = nil) {
        self.person = person
        self.reason = reason
    }
}
