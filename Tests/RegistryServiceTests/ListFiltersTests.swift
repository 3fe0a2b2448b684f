import KansliProtocol
import RegistryAPI
import Testing

@testable import RegistryService

@Suite("ListFilters")
struct ListFiltersTests {
    @Test("Appointments of Boden on 2022-06-22: Lena Goldkuhl and Johan Johansson")
    func appointmentsByPartyAndDay() throws {
        let state = try Fixtures.norrbottenState()
        let list = try ListFilters.appointments(ListRequest(committee: "NBE", on: Fixtures.day("2022-06-22"), party: "boden"),
                                                in: state)
        #expect(list.map(\.person) == ["lena-goldkuhl", "johan-johansson"])
    }

    @Test("Persons on a day include staff; persons of a party do not")
    func personsFilter() throws {
        let state = try Fixtures.norrbottenState()
        let day = try ListFilters.persons(ListRequest(committee: "NBE", on: Fixtures.day("2022-06-22")), in: state)
        #expect(day.count == 30)
        let luleå = try ListFilters.persons(ListRequest(committee: "NBE", party: "lulea"), in: state)
        // Niklas Nordström sat for Luleå in 2014 (seed 004, an illustrative assignment).
        #expect(luleå.map(\.id) == ["carina-sammeli", "anders-josefsson", "niklas-nordstrom"])
        let before = try ListFilters.persons(ListRequest(committee: "NBE", on: Fixtures.day("2018-06-01")), in: state)
        #expect(before.isEmpty)
    }

    @Test("A filter the list does not take is a validation error; an unknown party is not_found")
    func refusedFilters() throws {
        let state = try Fixtures.norrbottenState()
        expectServiceError(.validation, field: "party") {
            _ = try ListFilters.roles(ListRequest(committee: "NBE", party: "lulea"), in: state)
        }
        expectServiceError(.notFound, field: "party") {
            _ = try ListFilters.appointments(ListRequest(committee: "NBE", party: "umea"), in: state)
        }
    }

    @Test("Person details gather appointments, roles, pairings and staff")
    func personDetails() throws {
        let state = try Fixtures.norrbottenState()
        let carina = try ListFilters.details(ofPerson: "carina-sammeli", in: state)
        #expect(carina.appointments.map(\.id) == ["carina-sammeli-2019"])
        #expect(carina.roles.map(\.role) == [.chair])
        #expect(carina.pairings.map(\.id) == ["anders-josefsson-for-carina-sammeli"])
        let robert = try ListFilters.details(ofPerson: "robert-karlsson", in: state)
        #expect(robert.staff.map(\.role) == [.secretary])
        expectServiceError(.notFound, field: "id") { _ = try ListFilters.details(ofPerson: "nobody", in: state) }
    }
}
