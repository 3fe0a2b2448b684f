import KansliProtocol

// Who may serve for an absent ledamot: `registry.substitutes`.

/// `registry.substitutes`: the ersättare who may serve (*tjänstgöra*) for ledamot `ledamot` on
/// `on`, in the order they should be called.
public struct SubstitutesRequest: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The absent ledamot's person id; they must be a ledamot on `on`.
    public var ledamot: String
    /// The day.
    public var on: CalendarDate

    /// A request for the substitutes of `ledamot` in `committee` on `on`.
    public init(committee: String, ledamot: String, on: CalendarDate) {
        self.committee = committee
        self.ledamot = ledamot
        self.on = on
    }
}

/// The answer to `registry.substitutes`: every ersättare of the ledamot's party that day, the
/// personally paired one first, then by order of service, then the rest by seat. Ersättare of
/// other parties never appear: an ersättare serves only for a ledamot of the same party.
public struct SubstituteList: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The day.
    public var date: CalendarDate
    /// The absent ledamot.
    public var ledamot: CompositionMember
    /// The ersättare who may serve, in calling order.
    public var candidates: [SubstituteCandidate]

    /// A list.
    public init(committee: String, date: CalendarDate, ledamot: CompositionMember, candidates: [SubstituteCandidate]) {
        self.committee = committee
        self.date = date
        self.ledamot = ledamot
        self.candidates = candidates
    }
}

/// One ersättare who may serve, and why they come where they do.
public struct SubstituteCandidate: Codable, Sendable, Equatable {
    /// The ersättare.
    public var member: CompositionMember
    /// Why they may serve.
    public var basis: SubstitutionBasis
    /// Their place in the order of service, when `basis` is `orderOfService`.
    public var rank: Int?

    /// A candidate.
    public init(member: CompositionMember, basis: SubstitutionBasis, rank: Int? = nil) {
        self.member = member
        self.basis = basis
        self.rank = rank
    }
}

/// Why an ersättare may serve for a ledamot.
public enum SubstitutionBasis: String, RegistryEnumeration, Sendable {
    /// They are the ledamot's personal ersättare.
    case personal
    /// They have a place in the party's order of service.
    case orderOfService = "order-of-service"
    /// They are an ersättare of the same party, without a pairing.
    case sameParty = "same-party"
}
