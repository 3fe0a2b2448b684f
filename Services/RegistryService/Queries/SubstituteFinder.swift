import KansliProtocol
import RegistryAPI

/// Who may serve (*tjänstgöra*) for an absent ledamot on a day: the ersättare of the ledamot's own
/// party who hold their seats that day — the personal ersättare first, then the order of service,
/// then the others by seat. An ersättare of another party never may.
public enum SubstituteFinder {
    /// The substitutes for the ledamot with person id `ledamot` on `date`.
    public static func substitutes(for ledamot: String, in state: CommitteeState, on date: CalendarDate)
        throws(ServiceError) -> SubstituteList
    {
        guard state.person(ledamot) != nil else {
            throw state.missing("person", ledamot, field: "ledamot")
        }
        let name = state.name(ofPerson: ledamot)
        guard let seat = state.appointment(ofPerson: ledamot, on: date) else {
            throw .validation("\(name) holds no appointment in \(state.code) on \(date)", field: "ledamot")
        }
        guard seat.kind == .ledamot else {
            throw .validation(
                "\(name) is ersättare for \(state.name(ofParty: seat.party)) on \(date), not ledamot: only a "
                    + "ledamot has substitutes", field: "ledamot")
        }
        let roles = CompositionBuilder.roles(in: state, on: date)
        let pairings = state.file.pairings.filter { $0.span.contains(date) }
        var candidates: [SubstituteCandidate] = []
        for appointment in state.appointments(ofParty: seat.party)
        where appointment.kind == .ersattare && appointment.holds(on: date) {
            let member = CompositionBuilder.member(appointment, in: state, roles: roles)
            let own = pairings.first { $0.substitute == appointment.id }
            if let own, own.ledamot == seat.id {
                candidates.append(SubstituteCandidate(member: member, basis: .personal))
            } else if let own, let rank = own.rank {
                candidates.append(SubstituteCandidate(member: member, basis: .orderOfService, rank: rank))
            } else {
                candidates.append(SubstituteCandidate(member: member, basis: .sameParty))
            }
        }
        candidates.sort { lhs, rhs in
            let left = (order(lhs.basis), lhs.rank ?? 0, lhs.member.seat)
            let right = (order(rhs.basis), rhs.rank ?? 0, rhs.member.seat)
            return left < right
        }
        return SubstituteList(committee: state.code, date: date,
                              ledamot: CompositionBuilder.member(seat, in: state, roles: roles),
                              candidates: candidates)
    }

    private static func order(_ basis: SubstitutionBasis) -> Int {
        switch basis {
        case .personal: 0
        case .orderOfService: 1
        case .sameParty: 2
        }
    }
}
