import RegistryAPI

// A state with one record added or replaced, its lookups updated in place rather than built
// again: what a write leaves in the cache costs what it changed, not the committee's size
// (issue 8). `CommitteeState(file)` of the changed file gives an equal state; the tests of
// `RegistryWriteContext` check it against the tables after every kind of write.
extension CommitteeState {
    /// The state with `party` after the other parties.
    func adding(_ party: Party) -> CommitteeState {
        var state = self
        if state.partyIndex[party.code] == nil { state.partyIndex[party.code] = state.file.parties.count }
        state.file.parties.append(party)
        return state
    }

    /// The state with the party at `index` replaced by `party`, which has the same code.
    func replacing(at index: Int, with party: Party) -> CommitteeState {
        precondition(file.parties[index].code == party.code, "a party keeps its code")
        var state = self
        state.file.parties[index] = party
        return state
    }

    /// The state with `person` after the other persons.
    func adding(_ person: Person) -> CommitteeState {
        var state = self
        if state.personIndex[person.id] == nil { state.personIndex[person.id] = state.file.persons.count }
        let name = person.name.lowercased()
        if state.personNameIndex[name] == nil { state.personNameIndex[name] = state.file.persons.count }
        state.file.persons.append(person)
        return state
    }

    /// The state with the person at `index` replaced by `person`, who has the same id.
    func replacing(at index: Int, with person: Person) -> CommitteeState {
        let old = file.persons[index]
        precondition(old.id == person.id, "a person keeps their id")
        var state = self
        state.file.persons[index] = person
        if old.name.lowercased() != person.name.lowercased() {
            // The first holder of each name, as a fresh build finds it: rare enough to rebuild.
            state.personNameIndex = CommitteeState.firstIndex(state.file.persons.map { $0.name.lowercased() })
        }
        return state
    }

    /// The state with `appointment` after the other appointments.
    func adding(_ appointment: Appointment) -> CommitteeState {
        var state = self
        let index = state.file.appointments.count
        if state.appointmentIndex[appointment.id] == nil { state.appointmentIndex[appointment.id] = index }
        state.appointmentsByPerson[appointment.person, default: []].append(index)
        state.appointmentsByParty[appointment.party, default: []].append(index)
        state.file.appointments.append(appointment)
        return state
    }

    /// The state with the appointment at `index` replaced by `appointment`, which has the same id
    /// (its person or party may change: the lookups by person and party follow).
    func replacing(at index: Int, with appointment: Appointment) -> CommitteeState {
        let old = file.appointments[index]
        precondition(old.id == appointment.id, "an appointment keeps its id")
        var state = self
        state.file.appointments[index] = appointment
        if old.person != appointment.person {
            state.appointmentsByPerson[old.person]?.removeAll { $0 == index }
            state.appointmentsByPerson[appointment.person, default: []].insertSorted(index)
        }
        if old.party != appointment.party {
            state.appointmentsByParty[old.party]?.removeAll { $0 == index }
            state.appointmentsByParty[appointment.party, default: []].insertSorted(index)
        }
        return state
    }

    /// The state with `role` after the other roles.
    func adding(_ role: RoleAssignment) -> CommitteeState {
        var state = self
        state.file.roles.append(role)
        return state
    }

    /// The state with the role assignment at `index` replaced by `role`.
    func replacing(at index: Int, with role: RoleAssignment) -> CommitteeState {
        var state = self
        state.file.roles[index] = role
        return state
    }

    /// The state with `staff` after the other staff assignments.
    func adding(_ staff: StaffAssignment) -> CommitteeState {
        var state = self
        state.file.staff.append(staff)
        return state
    }

    /// The state with the staff assignment at `index` replaced by `staff`.
    func replacing(at index: Int, with staff: StaffAssignment) -> CommitteeState {
        var state = self
        state.file.staff[index] = staff
        return state
    }

    /// The state with `pairing` after the other pairings.
    func adding(_ pairing: SubstitutePairing) -> CommitteeState {
        var state = self
        state.file.pairings.append(pairing)
        return state
    }

    /// The state with the pairing at `index` replaced by `pairing`.
    func replacing(at index: Int, with pairing: SubstitutePairing) -> CommitteeState {
        var state = self
        state.file.pairings[index] = pairing
        return state
    }

    /// The state with `key` after the other signing keys.
    func adding(_ key: SigningKey) -> CommitteeState {
        var state = self
        state.file.signingKeys.append(key)
        return state
    }

    /// The state with the signing key at `index` replaced by `key`.
    func replacing(at index: Int, with key: SigningKey) -> CommitteeState {
        var state = self
        state.file.signingKeys[index] = key
        return state
    }

    /// The state with `key` stored as `registry.yearly-key.set` stores it: replacing the figure
    /// for the same party, kind and year in place, else after the other figures.
    func setting(_ key: YearlyKey) -> CommitteeState {
        var state = self
        if let index = state.file.yearlyKeys.firstIndex(where: {
            $0.party == key.party && $0.kind == key.kind && $0.year == key.year
        }) {
            state.file.yearlyKeys[index] = key
        } else {
            state.file.yearlyKeys.append(key)
        }
        return state
    }
}

extension Array where Element == Int {
    /// Inserts `value` where it keeps the ascending order.
    fileprivate mutating func insertSorted(_ value: Int) {
        insert(value, at: firstIndex { $0 > value } ?? endIndex)
    }
}
