import FinanceAPI
import KansliProtocol
import KansliService
import RegistryAPI

/// What finance asks the registry before it allocates: the committee's parties (organisationsnummer,
/// host flag, membership dates) and every yearly key figure, fetched in a handler's preparation,
/// outside any transaction. Fetching every key (not only the ones a budget names) lets the
/// preparation run before the budget is read; a committee has a few hundred figures at most.
public struct RegistryFacts: Sendable, Equatable {
    /// The committee's parties, in the registry's order.
    public var parties: [PartyFacts]
    /// Every key figure of the committee.
    public var keys: [KeyFigure]

    /// Facts.
    public init(parties: [PartyFacts], keys: [KeyFigure]) {
        self.parties = parties
        self.keys = keys
    }

    /// Asks the registry (`registry.party.list`, `registry.yearlykey.list`). A registry that does
    /// not answer makes the request `unavailable`; an unknown committee is its `not_found`.
    public static func fetch(committee: String, from peers: PeerCalls) throws -> RegistryFacts {
        let parties = try peers.call("registry", RegistryMethods.partyList, ListRequest(committee: committee))
        let keys = try peers.call("registry", RegistryMethods.yearlyKeyList, ListRequest(committee: committee))
        return RegistryFacts(
            parties: parties.map {
                PartyFacts(code: $0.code, name: $0.name, organisationNumber: $0.organisationNumber, isHost: $0.isHost,
                           joinedOn: $0.joinedOn, leftOn: $0.leftOn)
            },
            keys: keys.compactMap { key in
                AllocationKeyKind(rawValue: key.kind.rawValue).map {
                    KeyFigure(party: key.party, kind: $0, year: key.year, value: key.value, referenceDate: key.referenceDate,
                              source: key.source, illustrative: key.illustrative)
                }
            })
    }

    /// The engine's context for a budget of `year`, with the keys grouped by kind and year.
    public func context(year: Int) -> AllocationContext {
        var grouped: [AllocationKey: [KeyFigure]] = [:]
        for figure in keys { grouped[AllocationKey(kind: figure.kind, year: figure.year), default: []].append(figure) }
        return AllocationContext(year: year, parties: parties, keys: grouped)
    }
}
