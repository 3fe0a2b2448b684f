import KansliProtocol
import RegistryAPI

/// The `…list` methods' filters applied to a committee's records. Each list accepts only the
/// filters that mean something for it; another filter is a `validation` error naming it, and a
/// filter naming a party or person the committee does not have is `not_found`.
public enum ListFilters {
    /// A filter of `ListRequest`.
    public enum Filter: String, Sendable {
        /// `on`: records that hold that day.
        case on
        /// `party`: records of that party.
        case party
        /// `person`: records of that person.
        case person
    }

    /// Checks that `request` uses only `allowed` filters, and that the party and person it names exist.
    public static func check(_ request: ListRequest, allowed: Set<Filter>, method: String, in state: CommitteeState)
        throws(ServiceError)
    {
        let used: [(Filter, Bool)] = [(.on, request.on != nil), (.party, request.party != nil),
                                      (.person, request.person != nil)]
        for (filter, isSet) in used where isSet && !allowed.contains(filter) {
            throw .validation("\(method) does not filter by \(filter.rawValue)", field: filter.rawValue)
        }
        if let party = request.party, state.party(party) == nil {
            throw state.missing("party", party, field: "party")
        }
        if let person = request.person, state.person(person) == nil {
            throw state.missing("person", person, field: "person")
        }
    }

    /// Parties, filtered by `on` (members that day).
    public static func parties(_ request: ListRequest, in state: CommitteeState) throws(ServiceError) -> [Party] {
        try check(request, allowed: [.on], method: RegistryMethods.partyList.name, in: state)
        return state.file.parties.filter { party in request.on.map(party.isMember(on:)) ?? true }
    }

    /// Persons, filtered by `party` (appointed for it) and `on` (holding an appointment — or, without
    /// `party`, a staff assignment — that day).
    public static func persons(_ request: ListRequest, in state: CommitteeState) throws(ServiceError) -> [Person] {
        try check(request, allowed: [.on, .party], method: RegistryMethods.personList.name, in: state)
        guard request.on != nil || request.party != nil else { return state.file.persons }
        var keep = Set<String>()
        for appointment in state.file.appointments
        where (request.party.map { $0 == appointment.party } ?? true)
            && (request.on.map(appointment.holds(on:)) ?? true)
        {
            keep.insert(appointment.person)
        }
        if request.party == nil, let day = request.on {
            for assignment in state.file.staff where assignment.span.contains(day) {
                keep.insert(assignment.person)
            }
        }
        return state.file.persons.filter { keep.contains($0.id) }
    }

    /// Appointments, filtered by `on`, `party` and `person`.
    public static func appointments(_ request: ListRequest, in state: CommitteeState) throws(ServiceError)
        -> [Appointment]
    {
        try check(request, allowed: [.on, .party, .person], method: RegistryMethods.appointmentList.name, in: state)
        return state.file.appointments.filter { appointment in
            (request.on.map(appointment.holds(on:)) ?? true)
                && (request.party.map { $0 == appointment.party } ?? true)
                && (request.person.map { $0 == appointment.person } ?? true)
        }
    }

    /// Role assignments, filtered by `on` and `person`.
    public static func roles(_ request: ListRequest, in state: CommitteeState) throws(ServiceError) -> [RoleAssignment] {
        try check(request, allowed: [.on, .person], method: RegistryMethods.roleList.name, in: state)
        return state.file.roles.filter { role in
            (request.on.map(role.span.contains) ?? true) && (request.person.map { $0 == role.person } ?? true)
        }
    }

    /// Staff assignments, filtered by `on` and `person`.
    public static func staff(_ request: ListRequest, in state: CommitteeState) throws(ServiceError)
        -> [StaffAssignment]
    {
        try check(request, allowed: [.on, .person], method: RegistryMethods.staffList.name, in: state)
        return state.file.staff.filter { staff in
            (request.on.map(staff.span.contains) ?? true) && (request.person.map { $0 == staff.person } ?? true)
        }
    }

    /// Pairings, filtered by `on` and `party` (of the ersättare's appointment).
    public static func pairings(_ request: ListRequest, in state: CommitteeState) throws(ServiceError)
        -> [SubstitutePairing]
    {
        try check(request, allowed: [.on, .party], method: RegistryMethods.pairingList.name, in: state)
        return state.file.pairings.filter { pairing in
            (request.on.map(pairing.span.contains) ?? true)
                && (request.party.map { $0 == state.appointment(pairing.substitute)?.party } ?? true)
        }
    }

    /// Signing keys, filtered by `person` and `on` (usable that day: valid and not revoked).
    public static func signingKeys(_ request: ListRequest, in state: CommitteeState) throws(ServiceError)
        -> [SigningKey]
    {
        try check(request, allowed: [.on, .person], method: RegistryMethods.signingKeyList.name, in: state)
        return state.file.signingKeys.filter { key in
            (request.on.map(key.isUsable(on:)) ?? true) && (request.person.map { $0 == key.person } ?? true)
        }
    }

    /// Yearly key figures, filtered by `party`.
    public static func yearlyKeys(_ request: ListRequest, in state: CommitteeState) throws(ServiceError)
        -> [YearlyKey]
    {
        try check(request, allowed: [.party], method: RegistryMethods.yearlyKeyList.name, in: state)
        return state.file.yearlyKeys.filter { key in request.party.map { $0 == key.party } ?? true }
    }

    /// Everything the person with `id` holds in the committee, for `registry.person.get`.
    public static func details(ofPerson id: String, in state: CommitteeState) throws(ServiceError) -> PersonDetails {
        guard let person = state.person(id) else {
            throw state.missing("person", id, field: "id")
        }
        let appointments = state.appointments(ofPerson: id)
        let appointmentIDs = Set(appointments.map(\.id))
        return PersonDetails(
            person: person, appointments: appointments.sorted { $0.from < $1.from },
            roles: state.file.roles.filter { $0.person == id },
            staff: state.file.staff.filter { $0.person == id },
            pairings: state.file.pairings.filter { pairing in
                appointmentIDs.contains(pairing.substitute) || pairing.ledamot.map(appointmentIDs.contains) == true
            },
            signingKeys: state.file.signingKeys.filter { $0.person == id })
    }
}
