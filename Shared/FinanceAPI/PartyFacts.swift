import KansliProtocol

/// What an allocation knew about a party when it ran, copied from the registry so the
/// allocation can be recomputed and audited later.
public struct PartyFacts: Hashable, Sendable, Codable {
    /// The party's code.
    public var code: String
    /// Its name.
    public var name: String
    /// Its organisationsnummer (`212000-2742`); the tie-break of the largest remainder orders by it.
    public var organisationNumber: String
    /// Whether it is the host (*värdkommun*): its share is booked internally, never invoiced.
    public var isHost: Bool
    /// Its first day of membership.
    public var joinedOn: CalendarDate
    /// Its last day of membership, if it has left.
    public var leftOn: CalendarDate?

    /// A party as the registry gave it.
    public init(code: String, name: String, organisationNumber: String, isHost: Bool = false,
                joinedOn: CalendarDate, leftOn: CalendarDate? = nil) {
        self.code = code
        self.name = name
        self.organisationNumber = organisationNumber
        self.isHost = isHost
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }

    /// Whether the party is a member on some day of `period`.
    public func isMember(during period: Period) -> Bool {
        joinedOn <= period.to && (leftOn.map { $0 >= period.from } ?? true)
    }
}
