import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("AppointmentRules")
struct AppointmentRulesTests {
    private let path = FieldPath.root

    private func appointment(_ id: String = "new", person: String, party: String, kind: AppointmentKind,
                             seat: Int = 1, from: String = "2019-01-01", to: String = "2022-12-31") -> Appointment {
        Appointment(id: id, person: person, party: party, kind: kind, seat: seat, politicalParty: "S",
                    mandatePeriod: Fixtures.term, from: Fixtures.day(from), to: Fixtures.day(to))
    }

    /// Norrbotten with one extra person who holds nothing yet.
    private func stateWithNewcomer() throws -> CommitteeState {
        var file = try Fixtures.norrbotten()
        file.persons.append(Person(id: "ny-ledamot", name: "Ny Ledamot"))
        return CommitteeState(file)
    }

    @Test("Every shipped appointment passes")
    func shippedAppointmentsPass() throws {
        let state = try Fixtures.norrbottenState()
        for appointment in state.file.appointments {
            try AppointmentRules.validate(appointment, in: state, at: path)
        }
    }

    @Test("An appointment for Kiruna before it joined (2015-01-01) is outside the party's membership")
    func beforeThePartyJoined() throws {
        let file = try Fixtures.norrbotten().replacingParty("kiruna") { $0.joinedOn = Fixtures.day("2020-01-01") }
        let state = CommitteeState(file)
        let error = expectServiceError(.validation, field: "from") {
            try AppointmentRules.validate(state.appointment("stefan-sydberg-2019")!, in: state, at: path)
        }
        #expect(error?.message.contains("Kiruna kommun joined NBE on 2020-01-01") == true)
    }

    @Test("An appointment running past the party's last day is outside the membership")
    func afterThePartyLeft() throws {
        let file = try Fixtures.norrbotten().replacingParty("boden") { $0.leftOn = Fixtures.day("2021-12-31") }
        let state = CommitteeState(file)
        expectServiceError(.validation, field: "to") {
            try AppointmentRules.validate(state.appointment("lena-goldkuhl-2019")!, in: state, at: path)
        }
    }

    @Test("An appointment outside its mandate period is refused at the offending end")
    func outsideMandatePeriod() throws {
        let state = try stateWithNewcomer()
        expectServiceError(.validation, field: "from") {
            try AppointmentRules.validate(
                appointment(person: "ny-ledamot", party: "boden", kind: .ledamot, seat: 1, from: "2018-12-31"),
                in: CommitteeState(state.file.replacingParty("boden") { $0.memberSeats = 2 }), at: path)
        }
        var late = appointment(person: "ny-ledamot", party: "boden", kind: .ledamot, from: "2022-01-01", to: "2023-01-01")
        late.seat = 2
        expectServiceError(.validation, field: "to") {
            try AppointmentRules.validate(late, in: CommitteeState(state.file.replacingParty("boden") { $0.memberSeats = 2 }),
                                          at: path)
        }
    }

    @Test("An appointment ending before it starts is refused on to")
    func endsBeforeItStarts() throws {
        let state = try stateWithNewcomer()
        expectServiceError(.validation, field: "to") {
            try AppointmentRules.validate(
                appointment(person: "ny-ledamot", party: "boden", kind: .ledamot, from: "2022-01-01", to: "2021-01-01"),
                in: state, at: path)
        }
    }

    @Test("A second ledamot for Boden's only seat while Lena Goldkuhl holds it is a conflict: overlapping the same seat")
    func overlappingTheSameSeat() throws {
        let state = try stateWithNewcomer()
        let error = expectServiceError(.conflict, field: "from") {
            try AppointmentRules.validate(
                appointment(person: "ny-ledamot", party: "boden", kind: .ledamot, from: "2022-07-01"), in: state, at: path)
        }
        #expect(error?.message.contains("Lena Goldkuhl") == true)
    }

    @Test("A successor from the day after the predecessor's last day takes the same seat")
    func successorOnTheSameSeat() throws {
        let file = try Fixtures.norrbotten().replacingAppointment("lena-goldkuhl-2019") { $0.to = Fixtures.day("2022-06-30") }
        var adjusted = file
        adjusted.pairings.removeAll { $0.ledamot == "lena-goldkuhl-2019" }
        adjusted.persons.append(Person(id: "ny-ledamot", name: "Ny Ledamot"))
        let state = CommitteeState(adjusted)
        try AppointmentRules.validate(
            appointment(person: "ny-ledamot", party: "boden", kind: .ledamot, from: "2022-07-01"), in: state, at: path)
    }

    @Test("A person holding two appointments at once is a conflict: Johan Johansson cannot also be ledamot for Kalix")
    func samePersonTwice() throws {
        let file = try Fixtures.norrbotten().replacingParty("kalix") { $0.memberSeats = 2 }
        let state = CommitteeState(file)
        expectServiceError(.conflict, field: "person") {
            try AppointmentRules.validate(
                appointment(person: "johan-johansson", party: "kalix", kind: .ledamot, seat: 2), in: state, at: path)
        }
    }

    @Test("A seat number the party does not have is refused")
    func seatOutOfRange() throws {
        let state = try stateWithNewcomer()
        let error = expectServiceError(.validation, field: "seat") {
            try AppointmentRules.validate(appointment(person: "ny-ledamot", party: "boden", kind: .ledamot, seat: 2),
                                          in: state, at: path)
        }
        #expect(error?.message.contains("Bodens kommun has 1 ledamot seat") == true)
    }

    @Test("Unknown person and unknown party are not_found")
    func unknownReferences() throws {
        let state = try stateWithNewcomer()
        expectServiceError(.notFound, field: "person") {
            try AppointmentRules.validate(appointment(person: "nobody", party: "boden", kind: .ledamot), in: state, at: path)
        }
        expectServiceError(.notFound, field: "party") {
            try AppointmentRules.validate(appointment(person: "ny-ledamot", party: "umea", kind: .ledamot), in: state, at: path)
        }
    }

    @Test("An empty political party and a malformed id are refused")
    func fieldFormats() throws {
        let state = try stateWithNewcomer()
        var bad = appointment(person: "ny-ledamot", party: "boden", kind: .ledamot)
        bad.politicalParty = ""
        expectServiceError(.validation, field: "politicalParty") { try AppointmentRules.validate(bad, in: state, at: path) }
        bad = appointment("Ny_2019", person: "ny-ledamot", party: "boden", kind: .ledamot)
        expectServiceError(.validation, field: "id") { try AppointmentRules.validate(bad, in: state, at: path) }
    }
}
