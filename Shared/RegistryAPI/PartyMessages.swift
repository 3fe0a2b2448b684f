// Messages of the registry.party.* methods (get: RecordRef, end: EndRequest, list: ListRequest).

/// `registry.party.add`: a new party of a committee.
public struct PartyAdd: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The party; its organisationsnummer is stored in the canonical form `NNNNNN-NNNN`.
    public var party: Party

    /// A request to add `party` to `committee`.
    public init(committee: String, party: Party) {
        self.committee = committee
        self.party = party
    }
}

/// `registry.party.update`: replaces every field of an existing party, found by its code. Send
/// the whole record (get it first); fields left out are cleared.
public struct PartyUpdate: Codable, Sendable, Equatable {
    /// The committee's code.
    public var committee: String
    /// The party as it should be.
    public var party: Party

    /// A request to store `party` in `committee`.
    public init(committee: String, party: Party) {
        self.committee = committee
        self.party = party
    }
}
