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
        let pairings = Pairings(state.file.pairings.filter { $0.span.contains(date) })
        let appointments = state.file.appointments
        var parties: [PartyComposition] = []
        var vacancies: [Vacancy] = []
        var chair: CompositionMember?
        var viceChair: CompositionMember?
        for party in state.file.parties where party.isMember(on: date) {
            var ledamoter: [CompositionMember] = []
            var ersattare: [CompositionMember] = []
            for index in state.appointmentIndexes(ofParty: party.code) where appointments[index].holds(on: date) {
                let entry = member(appointments[index], in: state, roles: rolesByPerson, pairings: pairings)
                switch entry.kind {
                case .ledamot: ledamoter.append(entry)
                case .ersattare: ersattare.append(entry)
                }
            }
            ledamoter.sort { $0.seat < $1.seat }
            ersattare.sort { $0.seat < $1.seat }
            // The first chair and vice chair in party order, ledamöter before ersättare.
            for entry in ledamoter where !entry.roles.isEmpty { note(entry, chair: &chair, viceChair: &viceChair) }
            for entry in ersattare where !entry.roles.isEmpty { note(entry, chair: &chair, viceChair: &viceChair) }
            for seat in 1...max(party.memberSeats, 1) where !ledamoter.contains(where: { $0.seat == seat }) {
                vacancies.append(Vacancy(party: party.code, kind: .ledamot, seat: seat))
            }
            if party.substituteSeats >= 1 {
                for seat in 1...party.substituteSeats where !ersattare.contains(where: { $0.seat == seat }) {
                    vacancies.append(Vacancy(party: party.code, kind: .ersattare, seat: seat))
                }
            }
            parties.append(PartyComposition(party: party.code, name: party.name, kind: party.kind,
                                            isHost: party.isHost, ledamoter: ledamoter, ersattare: ersattare,
                                            organisationNumber: party.organisationNumber))
        }
        let serving = state.file.staff.filter { $0.span.contains(date) }
        let staff = serving.map { assignment in
            CompositionStaff(person: assignment.person, name: state.name(ofPerson: assignment.person),
                             role: assignment.role, title: assignment.title, organisation: assignment.organisation,
                             acting: assignment.acting, external: assignment.external,
                             alsoMember: state.appointment(ofPerson: assignment.person, on: date)?.kind,
                             from: assignment.from, to: assignment.to)
        }
        // A post is vacant when no one holds it that day; someone acting (t.f.) covers it without holding it.
        let staffVacancies = StaffRole.allCases.filter { role in
            !serving.contains { $0.role == role && !$0.isActing }
        }
        return Composition(
            committee: state.code, date: date, hostParty: parties.first(where: \.isHost)?.party, parties: parties,
            chair: chair, viceChair: viceChair, staff: staff, vacancies: vacancies, staffVacancies: staffVacancies)
    }

    /// The pairings that hold on one day, by appointment.
    struct Pairings {
        /// Ersättare appointment id → the pairing that makes them a personal ersättare or ranks them.
        var bySubstitute: [String: SubstitutePairing] = [:]
        /// Ledamot appointment id → their personal ersättare's appointment id.
        var substituteOfLedamot: [String: String] = [:]

        init(_ pairings: [SubstitutePairing] = []) {
            for pairing in pairings {
                bySubstitute[pairing.substitute] = pairing
                if let ledamot = pairing.ledamot { substituteOfLedamot[ledamot] = pairing.substitute }
            }
        }
    }

    /// Takes `entry` as the chair or vice chair when it holds that role and none was found before.
    private static func note(_ entry: CompositionMember, chair: inout CompositionMember?,
                             viceChair: inout CompositionMember?) {
        if chair == nil, entry.roles.contains(.chair) { chair = entry }
        if viceChair == nil, entry.roles.contains(.viceChair) { viceChair = entry }
    }

    /// The presidium roles each person holds on `date`.
    static func roles(in state: CommitteeState, on date: CalendarDate) -> [String: [CommitteeRole]] {
        var result: [String: [CommitteeRole]] = [:]
        for assignment in state.file.roles where assignment.span.contains(date) {
            result[assignment.person, default: []].append(assignment.role)
        }
        return result
    }

    /// `appointment` as a member entry, with its pairing that day when `pairings` has one.
    static func member(_ appointment: Appointment, in state: CommitteeState, roles: [String: [CommitteeRole]],
                       pairings: Pairings = Pairings()) -> CompositionMember
    {
        let pairing = pairings.bySubstitute[appointment.id]
        return CompositionMember(
            person: appointment.person, name: state.name(ofPerson: appointment.person), party: appointment.party,
            politicalParty: appointment.politicalParty, kind: appointment.kind, seat: appointment.seat,
            appointment: appointment.id, roles: roles[appointment.person] ?? [],
            partyName: state.name(ofParty: appointment.party), mandatePeriod: appointment.mandatePeriod,
            from: appointment.from, to: appointment.to, substituteFor: pairing?.ledamot, rank: pairing?.rank,
            personalSubstitute: pairings.substituteOfLedamot[appointment.id])
    }
}
