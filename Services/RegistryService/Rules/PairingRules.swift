import KansliProtocol
import RegistryAPI

/// Rules for substitute pairings. An ersättare serves only for a ledamot of the same party
/// (municipality or region) — whatever their political parties: Johan Johansson (MP), Boden, may
/// serve for Lena Goldkuhl (S), Boden; no ersättare of Kalix may serve for a ledamot of Boden.
public enum PairingRules {
    /// The highest place in an order of service.
    public static let maxRank = 50

    /// Checks `pairing` within the committee in `state` (where it may already be stored).
    public static func validate(_ pairing: SubstitutePairing, in state: CommitteeState, at path: FieldPath)
        throws(ServiceError)
    {
        try TextRules.id(pairing.id, field: path("id"), kind: "pairing")
        guard let substitute = state.appointment(pairing.substitute) else {
            throw state.missing("appointment", pairing.substitute, field: path("substitute"))
        }
        let substituteName = state.name(ofPerson: substitute.person)
        guard substitute.kind == .ersattare else {
            throw .validation(
                "\(substituteName) (\(substitute.id)) is a ledamot, not an ersättare: only an ersättare stands in",
                field: path("substitute"))
        }
        try TextRules.ordered(from: pairing.from, to: pairing.to, field: path("to"), what: "the pairing")
        guard substitute.span.covers(pairing.span) else {
            throw .validation(
                "the pairing runs \(pairing.span), outside \(substituteName)'s appointment \(substitute.span)",
                field: path(pairing.from < substitute.from ? "from" : "to"))
        }

        switch (pairing.ledamot, pairing.rank) {
        case (nil, nil), (.some, .some):
            throw .validation(
                "a pairing names either the ledamot the ersättare stands in for (personal ersättare) or the "
                    + "ersättare's rank in the party's order of service, not both and not neither",
                field: path("ledamot"))
        case (.some(let ledamotID), nil):
            try validatePersonal(pairing, substitute: substitute, ledamotID: ledamotID, in: state, at: path)
        case (nil, .some(let rank)):
            try validateOrder(pairing, substitute: substitute, rank: rank, in: state, at: path)
        }
    }

    private static func validatePersonal(_ pairing: SubstitutePairing, substitute: Appointment, ledamotID: String,
                                         in state: CommitteeState, at path: FieldPath) throws(ServiceError)
    {
        guard let ledamot = state.appointment(ledamotID) else {
            throw state.missing("appointment", ledamotID, field: path("ledamot"))
        }
        let substituteName = state.name(ofPerson: substitute.person)
        let ledamotName = state.name(ofPerson: ledamot.person)
        guard ledamot.kind == .ledamot else {
            throw .validation(
                "\(ledamotName) (\(ledamot.id)) is an ersättare, not a ledamot: an ersättare stands in for a ledamot",
                field: path("ledamot"))
        }
        guard ledamot.party == substitute.party else {
            throw .validation(
                "\(substituteName) is ersättare for \(state.name(ofParty: substitute.party)) and "
                    + "\(ledamotName) ledamot for \(state.name(ofParty: ledamot.party)): an ersättare serves only "
                    + "for a ledamot of the same party", field: path("ledamot"))
        }
        guard ledamot.span.covers(pairing.span) else {
            throw .validation(
                "the pairing runs \(pairing.span), outside \(ledamotName)'s appointment \(ledamot.span)",
                field: path(pairing.from < ledamot.from ? "from" : "to"))
        }
        for other in state.file.pairings where other.id != pairing.id && other.span.overlaps(pairing.span) {
            if other.substitute == pairing.substitute {
                throw .conflict(
                    "\(substituteName) is already paired \(other.span) (\(other.id)); an ersättare has one pairing "
                        + "at a time", field: path("substitute"))
            }
            if other.ledamot == ledamotID {
                throw .conflict(
                    "\(ledamotName) already has a personal ersättare \(other.span) (\(other.id))",
                    field: path("ledamot"))
            }
        }
    }

    private static func validateOrder(_ pairing: SubstitutePairing, substitute: Appointment, rank: Int,
                                      in state: CommitteeState, at path: FieldPath) throws(ServiceError)
    {
        guard (1...maxRank).contains(rank) else {
            throw .validation("a rank in the order of service is 1–\(maxRank), got \(rank)", field: path("rank"))
        }
        let substituteName = state.name(ofPerson: substitute.person)
        for other in state.file.pairings where other.id != pairing.id && other.span.overlaps(pairing.span) {
            if other.substitute == pairing.substitute {
                throw .conflict(
                    "\(substituteName) is already paired \(other.span) (\(other.id)); an ersättare has one pairing "
                        + "at a time", field: path("substitute"))
            }
            if other.rank == rank, state.appointment(other.substitute)?.party == substitute.party {
                throw .conflict(
                    "rank \(rank) in \(state.name(ofParty: substitute.party))'s order of service is held by "
                        + "\(state.name(ofPerson: state.appointment(other.substitute)?.person ?? "")) "
                        + "\(other.span) (\(other.id))", field: path("rank"))
            }
        }
    }
}
