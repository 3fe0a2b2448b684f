import KansliProtocol
import RegistryAPI

/// One committee's records as values, with lookups by id: what the rules and queries work on.
///
/// It is built from a `CommitteeFile` (an import, or the store's snapshot of a committee). When a
/// list holds the same id twice, lookups find the first; `CommitteeValidator` reports the second.
public struct CommitteeState: Sendable {
    /// The records in force: every record but those withdrawn as entered by mistake, which take
    /// part in no rule, query or composition (`registry.withdraw`).
    public internal(set) var file: CommitteeFile
    /// The withdrawn records, kept for their history (`get` still finds them) and so that no new
    /// record takes one of their ids.
    public let withdrawn: WithdrawnRecords
    // The lookups, by position in `file`'s lists; internal so that `CommitteeState+Changes` keeps
    // them in step with a change instead of building them again.
    var partyIndex: [String: Int]
    var personIndex: [String: Int]
    /// Persons by name in lower case, the first of each name: finds a namesake without a pass over
    /// every person.
    var personNameIndex: [String: Int]
    var appointmentIndex: [String: Int]
    var appointmentsByPerson: [String: [Int]]
    var appointmentsByParty: [String: [Int]]

    /// The state of the committee in `file`.
    public init(_ file: CommitteeFile) {
        var inForce = file
        inForce.appointments.removeAll { $0.withdrawn != nil }
        inForce.roles.removeAll { $0.withdrawn != nil }
        inForce.staff.removeAll { $0.withdrawn != nil }
        inForce.pairings.removeAll { $0.withdrawn != nil }
        withdrawn = WithdrawnRecords(
            appointments: file.appointments.filter { $0.withdrawn != nil }, roles: file.roles.filter { $0.withdrawn != nil },
            staff: file.staff.filter { $0.withdrawn != nil }, pairings: file.pairings.filter { $0.withdrawn != nil })
        let file = inForce
        self.file = file
        partyIndex = CommitteeState.firstIndex(file.parties.map(\.code))
        personIndex = CommitteeState.firstIndex(file.persons.map(\.id))
        personNameIndex = CommitteeState.firstIndex(file.persons.map { $0.name.lowercased() })
        appointmentIndex = CommitteeState.firstIndex(file.appointments.map(\.id))
        var byPerson: [String: [Int]] = [:]
        var byParty: [String: [Int]] = [:]
        for (index, appointment) in file.appointments.enumerated() {
            byPerson[appointment.person, default: []].append(index)
            byParty[appointment.party, default: []].append(index)
        }
        appointmentsByPerson = byPerson
        appointmentsByParty = byParty
    }

    static func firstIndex(_ keys: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, key) in keys.enumerated() where result[key] == nil {
            result[key] = index
        }
        return result
    }

    /// The committee.
    public var committee: Committee { file.committee }
    /// The committee's code.
    public var code: String { file.committee.code }

    /// The party with `code`.
    public func party(_ code: String) -> Party? {
        partyIndex[code].map { file.parties[$0] }
    }

    /// The person with `id`.
    public func person(_ id: String) -> Person? {
        personIndex[id].map { file.persons[$0] }
    }

    /// The first person named `name`, compared without regard to case.
    public func person(named name: String) -> Person? {
        personNameIndex[name.lowercased()].map { file.persons[$0] }
    }

    /// The appointment with `id`.
    public func appointment(_ id: String) -> Appointment? {
        appointmentIndex[id].map { file.appointments[$0] }
    }

    /// The appointments of the person with `id`, in record order.
    public func appointments(ofPerson id: String) -> [Appointment] {
        (appointmentsByPerson[id] ?? []).map { file.appointments[$0] }
    }

    /// The appointments made by the party with `code`, in record order.
    public func appointments(ofParty code: String) -> [Appointment] {
        appointmentIndexes(ofParty: code).map { file.appointments[$0] }
    }

    /// The positions in `file.appointments` of the appointments made by the party with `code`, in
    /// record order: for queries that look at a few fields of many appointments without copying them.
    func appointmentIndexes(ofParty code: String) -> [Int] {
        appointmentsByParty[code] ?? []
    }

    /// The person's name for messages, or their id when unknown.
    public func name(ofPerson id: String) -> String {
        person(id)?.name ?? id
    }

    /// The party's name for messages, or its code when unknown.
    public func name(ofParty code: String) -> String {
        party(code)?.name ?? code
    }

    /// The appointment that holds for the person on `date`, if any (a person holds at most one at
    /// a time).
    public func appointment(ofPerson id: String, on date: CalendarDate) -> Appointment? {
        appointments(ofPerson: id).first { $0.holds(on: date) }
    }
}
