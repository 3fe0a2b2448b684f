import FinanceAPI
import KansliService
import RegistryAPI

/// What a billing run asks the registry in its preparation: the committee's name and its parties
/// with their invoicing details (address, buyer's reference, the host's bankgiro), fetched
/// outside any transaction.
struct BillingFacts: Sendable {
    /// The committee's full name.
    var committeeName: String
    /// The committee's parties, in the registry's order.
    var parties: [Party]

    /// Asks the registry (`registry.committee.get`, `registry.party.list`).
    static func fetch(committee: String, from peers: PeerCalls) throws -> BillingFacts {
        let overview = try peers.call("registry", RegistryMethods.committeeGet, CommitteeRef(committee: committee))
        let parties = try peers.call("registry", RegistryMethods.partyList, ListRequest(committee: committee))
        return BillingFacts(committeeName: overview.committee.shortName, parties: parties)
    }
}
