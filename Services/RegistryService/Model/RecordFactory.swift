import KansliPlatform
import KansliProtocol
import RegistryAPI

/// Turns create requests into records: fills in what the request may leave out (ids, dates, seat
/// numbers) from the committee's state, and refuses an id that is already taken. The record it
/// returns still has to pass the rules.
public enum RecordFactory {
    /// A person from `request`; the id defaults to a slug of the name.
    public static func person(_ request: PersonCreate, in state: CommitteeState) throws(ServiceError) -> Person {
        let name = request.name.trimmingWhitespace()
        if !request.allowSameName, let namesake = state.person(named: name) {
            throw .conflict(
                "\(state.code) already has a person named \(namesake.name) (\(namesake.id)): use that id, or, for another "
                    + "person of the same name, set allowSameName (kansli registry person create --same-name)",
                field: "name")
        }
        // By the state's index: a create costs what it touches, not the committee's size.
        let id = try chosenID(request.id, base: request.name, isTaken: { state.person($0) != nil }, kind: "person",
                              in: state)
        return Person(id: id, name: request.name.trimmingWhitespace(), email: request.email, phone: request.phone,
                      note: request.note)
    }

    /// An appointment from `request`. `from` defaults to the later of the mandate period's first
    /// day and the party's join date, `to` to the earlier of the period's last day and the party's
    /// leave date, the seat to the lowest seat of that kind free for the whole span, the id to
    /// `<person>-<first year of the period>`.
    public static func appointment(_ request: AppointmentCreate, in state: CommitteeState) throws(ServiceError)
        -> Appointment
    {
        guard let party = state.party(request.party) else {
            throw state.missing("party", request.party, field: "party")
        }
        let period = request.mandatePeriod
        let from = request.from ?? max(period.firstDay, party.joinedOn)
        let to = request.to ?? min(period.lastDay, party.leftOn ?? period.lastDay)
        // Defaults that cross each other mean the party is not a member during the period at all.
        if request.from == nil || request.to == nil, to < from, !party.membership.overlaps(period.span) {
            throw .validation(
                "\(party.name) is a member \(party.membership), not during the mandate period \(period)",
                field: "mandatePeriod")
        }
        let span = DateSpan(from: from, to: to)
        let seat: Int
        if let requested = request.seat {
            seat = requested
        } else {
            let seats = request.kind == .ledamot ? party.memberSeats : party.substituteSeats
            let held = Set(state.appointments(ofParty: party.code)
                .filter { $0.kind == request.kind && $0.span.overlaps(span) }
                .map(\.seat))
            // With no seats of the kind, seat 1 lets the rules say so in their words.
            guard let free = seats == 0 ? 1 : (1...seats).first(where: { !held.contains($0) }) else {
                throw .conflict(
                    "every \(request.kind.rawValue) seat of \(party.name) (\(seats)) is held during \(span); end an "
                        + "appointment first or give the seat explicitly", field: "seat")
            }
            seat = free
        }
        let id = try chosenID(request.id, base: "\(request.person)-\(period.startYear)",
                              isTaken: { state.appointment($0) != nil || state.withdrawn.contains(.appointment, id: $0) },
                              kind: "appointment", in: state)
        return Appointment(id: id, person: request.person, party: request.party, kind: request.kind, seat: seat,
                           politicalParty: Normaliser.politicalParty(request.politicalParty, in: state.committee),
                           mandatePeriod: period,
                           from: from, to: to, note: request.note)
    }

    /// A role assignment from `request`; `to` defaults to the last day of the person's ledamot
    /// appointment that holds on `from`, the id to `<role>-<person>-<year of from>`.
    public static func role(_ request: RoleAssign, in state: CommitteeState) throws(ServiceError) -> RoleAssignment {
        let holding = state.appointment(ofPerson: request.person, on: request.from)
        let to = request.to ?? (holding?.kind == .ledamot ? holding?.to : nil) ?? request.from
        let taken = Set((state.file.roles + state.withdrawn.roles).map(\.id))
        let id = try chosenID(request.id, base: "\(request.role.rawValue)-\(request.person)-\(request.from.year)",
                              taken: taken, kind: "role assignment", in: state)
        return RoleAssignment(id: id, person: request.person, role: request.role, from: request.from, to: to)
    }

    /// A staff assignment from `request`; the id defaults to `<role>-<person>`.
    public static func staff(_ request: StaffAssign, in state: CommitteeState) throws(ServiceError) -> StaffAssignment {
        let taken = Set((state.file.staff + state.withdrawn.staff).map(\.id))
        let id = try chosenID(request.id, base: "\(request.role.rawValue)-\(request.person)", taken: taken,
                              kind: "staff assignment", in: state)
        return Normaliser.normalise(StaffAssignment(
            id: id, person: request.person, role: request.role, title: request.title,
            organisation: request.organisation, from: request.from, to: request.to, acting: request.acting,
            external: request.external))
    }

    /// A pairing from `request`; the dates default to the days both appointments hold, the id to
    /// `<ersättare>-for-<ledamot>` or `<ersättare>-rank-<rank>`.
    public static func pairing(_ request: PairingCreate, in state: CommitteeState) throws(ServiceError)
        -> SubstitutePairing
    {
        guard let substitute = state.appointment(request.substitute) else {
            throw state.missing("appointment", request.substitute, field: "substitute")
        }
        var from = request.from ?? substitute.from
        var to = request.to ?? substitute.to
        let base: String
        if let ledamotID = request.ledamot {
            guard let ledamot = state.appointment(ledamotID) else {
                throw state.missing("appointment", ledamotID, field: "ledamot")
            }
            if request.from == nil { from = max(substitute.from, ledamot.from) }
            if request.to == nil { to = min(substitute.to, ledamot.to) }
            base = "\(substitute.person)-for-\(ledamot.person)"
        } else {
            base = "\(substitute.person)-rank-\(request.rank ?? 0)"
        }
        let taken = Set((state.file.pairings + state.withdrawn.pairings).map(\.id))
        let id = try chosenID(request.id, base: base, taken: taken, kind: "pairing", in: state)
        return SubstitutePairing(id: id, substitute: request.substitute, ledamot: request.ledamot, rank: request.rank,
                                 from: from, to: to)
    }

    /// A signing key from `request`; the id defaults to `<person>-key-<n>`, the key to lower case.
    public static func signingKey(_ request: SigningKeyAdd, in state: CommitteeState) throws(ServiceError)
        -> SigningKey
    {
        let taken = Set(state.file.signingKeys.map(\.id))
        let existing = state.file.signingKeys.filter { $0.person == request.person }.count
        let id = try chosenID(request.id, base: "\(request.person)-key-\(existing + 1)", taken: taken,
                              kind: "signing key", in: state)
        return SigningKey(id: id, person: request.person,
                          publicKey: request.publicKey.trimmingWhitespace().lowercased(),
                          validFrom: request.validFrom, validTo: request.validTo)
    }

    /// The requested id if it is free, else a generated one; `conflict` if the requested id is taken.
    private static func chosenID(_ requested: String?, base: String, taken: Set<String>, kind: String,
                                 in state: CommitteeState) throws(ServiceError) -> String
    {
        try chosenID(requested, base: base, isTaken: taken.contains, kind: kind, in: state)
    }

    /// `chosenID(_:base:taken:kind:in:)` with `isTaken` saying whether an id is in use.
    private static func chosenID(_ requested: String?, base: String, isTaken: (String) -> Bool, kind: String,
                                 in state: CommitteeState) throws(ServiceError) -> String
    {
        guard let requested else { return IDGenerator.unique(base, isTaken: isTaken) }
        guard !isTaken(requested) else {
            throw .conflict("\(state.code) already has a \(kind) \(ServiceError.quote(requested))", field: "id")
        }
        return requested
    }
}
