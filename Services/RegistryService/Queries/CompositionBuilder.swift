import KansliProtocol
import RegistryAPI

/// The composition of a committee on a day, computed from its records: which parties are members,
/// who holds their ledamot and ersättare seats, who chairs, who is staff, which seats are empty.
public enum CompositionBuilder {
    /// The composition of the committee in `state` on `date`. Throws `validation` (field `on`)
    /// when the committee does not exist on that day.
    public static func composition(of state: CommitteeState, on date: CalendarDate) throws(ServiceError)
        -> Composition
    {
        if let lifetime = state.committee.lifetime, !lifetime.contains(date) {
            throw .validation("\(state.code) exists \(lifetime); it has no composition on \(date)", field: "on")
        }
        let rolesByPerson = roles(in: state, on: date)
        var parties: [PartyComposition] = []
        var vacancies: [Vacancy] = []
        for party in state.file.parties where party.isMember(on: date) {
            let holding = state.appointments(ofParty: party.code).filter { $0.holds(on: date) }
            let ledamoter = holding.filter { $0.kind == .ledamot }.sorted { $0.seat < $1.seat }
            let ersattare = holding.filter { $0.kind == .ersattare }.sorted { $0.seat < $1.seat }
            parties.append(PartyComposition(
                party: party.code, name: party.name, kind: party.kind, isHost: party.isHost,
                ledamoter: ledamoter.map { member($0, in: state, roles: rolesByPerson) },
                ersattare: ersattare.map { member($0, in: state, roles: rolesByPerson) }))
            for seat in 1...max(party.memberSeats, 1) where !ledamoter.contains(where: { $0.seat == seat }) {
                vacancies.append(Vacancy(party: party.code, kind: .ledamot, seat: seat))
            }
            if party.substituteSeats >= 1 {
                for seat in 1...party.substituteSeats where !ersattare.contains(where: { $0.seat == seat }) {
                    vacancies.append(Vacancy(party: party.code, kind: .ersattare, seat: seat))
                }
            }
        }
        let members = parties.flatMap { $0.ledamoter + $0.ersattare }
        let staff = state.file.staff.filter { $0.span.contains(date) }.map { assignment in
            CompositionStaff(person: assignment.person, name: state.name(ofPerson: assignment.person),
                             role: assignment.role, title: assignment.title, organisation: assignment.organisation)
        }
        return Composition(
            committee: state.code, date: date, hostParty: parties.first(where: \.isHost)?.party, parties: parties,
            chair: members.first { $0.roles.contains(.chair) },
            viceChair: members.first { $0.roles.contains(.viceChair) },
            staff: staff, vacancies: vacancies)
    }

    /// The presidium roles each person holds on `date`.
    static func roles(in state: CommitteeState, on date: CalendarDate) -> [String: [CommitteeRole]] {
        var result: [String: [CommitteeRole]] = [:]
        for assignment in state.file.roles where assignment.span.contains(date) {
            result[assignment.person, default: []].append(assignment.role)
        }
        return result
    }

    /// `appointment` as a member entry.
    static func member(_ appointment: Appointment, in state: CommitteeState, roles: [String: [CommitteeRole]])
        -> CompositionMember
    {
        CompositionMember(
            person: appointment.person, name: state.name(ofPerson: appointment.person), party: appointment.party,
            politicalParty: appointment.politicalParty, kind: appointment.kind, seat: appointment.seat,
            appointment: appointment.id, roles: roles[appointment.person] ?? [])
    }
}
