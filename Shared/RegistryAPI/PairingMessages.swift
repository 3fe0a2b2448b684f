import KansliProtocol

// Messages of the registry.pairing.* methods (get: RecordRef, end: EndRequest, list: ListRequest).

/// `registry.pairing.create`: pairs an ersättare with a ledamot of the same party, or gives the
/// ersättare a place in the party's order of service. Set exactly one of `ledamot` and `rank`.
public struct PairingCreate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The id to give the pairing; when nil, `<substitute person>-for-<ledamot person>` or
    /// `<substitute person>-rank-<rank>`.
    public var id: String?
    /// The ersättare's appointment id.
    public var substitute: String
    /// For a personal pairing: the ledamot's appointment id.
    public var ledamot: String?
    /// For an order of service: the place, from 1.
    public var rank: Int?
    /// The first day; when nil, the first day both appointments hold.
    public var from: CalendarDate?
    /// The last day; when nil, the last day both appointments hold.
    public var to: CalendarDate?

    /// A request to create a pairing.
    public init(committee: String, id: String? = nil, substitute: String, ledamot: String? = nil, rank: Int? = nil,
                from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.committee = committee
        self.id = id
        self.substitute = substitute
        self.ledamot = ledamot
        self.rank = rank
        self.from = from
        self.to = to
    }
}

/// `registry.pairing.update`: replaces every field of an existing pairing, found by id.
public struct PairingUpdate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The pairing as it should be.
    public var pairing: SubstitutePairing

    /// A request to store `pairing` in `committee`.
    public init(committee: String, pairing: SubstitutePairing) {
        self.committee = committee
        self.pairing = pairing
    }
}
