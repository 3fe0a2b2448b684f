import KansliProtocol
import KansliService
import RegistryAPI

/// What documents asks the registry, always in a handler's preparation (outside any
/// transaction): a committee's names and case-number format, and its composition on a day. A
/// registry that does not answer makes the request `unavailable`; its refusals (an unknown
/// committee: `not_found`) come back with its name.
enum RegistryLookup {
    /// The committee `code` names.
    static func committee(_ code: String, from peers: PeerCalls) throws -> Committee {
        try peers.call("registry", RegistryMethods.committeeGet, CommitteeRef(committee: code)).committee
    }

    /// Who sits in the committee on `day`.
    static func composition(_ code: String, on day: CalendarDate, from peers: PeerCalls) throws -> Composition {
        try peers.call("registry", RegistryMethods.composition, CompositionRequest(committee: code, on: day))
    }
}
