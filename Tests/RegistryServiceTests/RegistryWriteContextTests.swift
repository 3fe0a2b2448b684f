import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// A write leaves the state it computed in the committee state cache (`RegistryWriteContext`), so
/// the next request need not read the committee from the tables: that state must be exactly what
/// the tables hold, for every kind of write.
@Suite("Registry writes: the state a write leaves in the cache")
struct RegistryWriteContextTests {
    /// Every record of NBE as the list methods give them: through the cache, which after a write
    /// holds the state that write computed.
    private func listed(_ host: RegistryTestHost) throws -> CommitteeFile {
        let all = ListRequest(committee: "NBE")
        var file = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE"))
        file.parties = try host.call(RegistryMethods.partyList, all, role: .read)
        file.yearlyKeys = try host.call(RegistryMethods.yearlyKeyList, all, role: .read)
        file.persons = try host.call(RegistryMethods.personList, all, role: .read)
        file.appointments = try host.call(RegistryMethods.appointmentList, all, role: .read)
        file.roles = try host.call(RegistryMethods.roleList, all, role: .read)
        file.staff = try host.call(RegistryMethods.staffList, all, role: .read)
        file.pairings = try host.call(RegistryMethods.pairingList, all, role: .read)
        file.signingKeys = try host.call(RegistryMethods.signingKeyList, all, role: .read)
        return file
    }

    @Test("After each kind of write, what the reads see through the cache is what the tables hold")
    func everyKindOfWriteLeavesTheTablesState() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let nbe = "NBE", day = Fixtures.day
        var steps: [(String, () throws -> Void)] = []
        func step(_ name: String, _ body: @escaping () throws -> Void) { steps.append((name, body)) }

        step("party update") {
            var boden = try host.call(RegistryMethods.partyGet, RecordRef(committee: nbe, id: "boden"))
            boden.invoicing = InvoiceDetails(
                address: PostalAddress(lines: ["Bodens kommun", "Kommunledningskontoret"], postalCode: "961 86",
                                       city: "Boden"), buyerReference: "E-nämnden")
            _ = try host.call(RegistryMethods.partyUpdate, PartyUpdate(committee: nbe, party: boden))
        }
        step("yearly key replaced") {
            _ = try host.call(RegistryMethods.yearlyKeySet, YearlyKeySet(committee: nbe, key: YearlyKey(
                party: "arjeplog", kind: .population, year: 2022, value: 2_718, referenceDate: day("2021-12-31"),
                source: "SCB")))
        }
        step("yearly key added") {
            _ = try host.call(RegistryMethods.yearlyKeySet, YearlyKeySet(committee: nbe, key: YearlyKey(
                party: "arjeplog", kind: .population, year: 2023, value: 2_700, referenceDate: day("2022-12-31"),
                source: "SCB")))
        }
        step("person create") {
            _ = try host.call(RegistryMethods.personCreate, PersonCreate(committee: nbe, name: "Anna Berg"))
        }
        step("person update") {
            var anna = try host.call(RegistryMethods.personGet, RecordRef(committee: nbe, id: "anna-berg")).person
            anna.email = "anna.berg@boden.se"
            _ = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: nbe, person: anna))
        }
        step("staff assign, update, end") {
            let staff = try host.call(RegistryMethods.staffAssign, StaffAssign(
                committee: nbe, person: "anna-berg", role: .coordinator, title: "e-samordnare", from: day("2022-09-01")))
            var changed = staff
            changed.organisation = "Luleå kommun"
            _ = try host.call(RegistryMethods.staffUpdate, StaffUpdate(committee: nbe, assignment: changed))
            _ = try host.call(RegistryMethods.staffEnd, EndRequest(committee: nbe, id: staff.id, lastDay: day("2022-12-31")))
        }
        step("pairing update and end") {
            var pairing = try host.call(RegistryMethods.pairingGet,
                                        RecordRef(committee: nbe, id: "gunnar-selberg-for-stefan-sydberg"))
            pairing.from = day("2019-02-01")
            _ = try host.call(RegistryMethods.pairingUpdate, PairingUpdate(committee: nbe, pairing: pairing))
            _ = try host.call(RegistryMethods.pairingEnd, EndRequest(committee: nbe, id: pairing.id, lastDay: day("2022-06-30")))
        }
        step("appointment update and end") {
            var appointment = try host.call(RegistryMethods.appointmentGet,
                                            RecordRef(committee: nbe, id: "stefan-sydberg-2019"))
            appointment.note = "KF Kiruna 2018-12-17"
            _ = try host.call(RegistryMethods.appointmentUpdate, AppointmentUpdate(committee: nbe, appointment: appointment))
            for id in ["stefan-sydberg-2019", "gunnar-selberg-2019"] {
                _ = try host.call(RegistryMethods.appointmentEnd, EndRequest(committee: nbe, id: id, lastDay: day("2022-06-30")))
            }
        }
        step("party end") {
            _ = try host.call(RegistryMethods.partyEnd, EndRequest(committee: nbe, id: "kiruna", lastDay: day("2022-06-30")))
        }
        step("role update and end") {
            var chair = try host.call(RegistryMethods.roleGet, RecordRef(committee: nbe, id: "chair-carina-sammeli-2019"))
            chair.from = day("2019-01-15")
            _ = try host.call(RegistryMethods.roleUpdate, RoleUpdate(committee: nbe, assignment: chair))
            _ = try host.call(RegistryMethods.roleEnd, EndRequest(committee: nbe, id: chair.id, lastDay: day("2022-10-14")))
        }
        step("signing key add and revoke") {
            let key = try host.call(RegistryMethods.signingKeyAdd, SigningKeyAdd(
                committee: nbe, person: "isak-utsi", publicKey: String(repeating: "AB", count: 32), validFrom: day("2022-01-01")))
            _ = try host.call(RegistryMethods.signingKeyRevoke, SigningKeyRevoke(
                committee: nbe, key: key.id, revokedOn: day("2022-06-01"), reason: "lost device"))
        }
        step("appointment create") {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: nbe, person: "anna-berg", party: "boden", kind: .ersattare, politicalParty: "S",
                mandatePeriod: MandatePeriod("2023-2026")!))
        }
        step("role assign") {
            _ = try host.call(RegistryMethods.roleAssign, RoleAssign(
                committee: nbe, person: "carina-sammeli", role: .chair, from: day("2022-10-15"), to: day("2022-12-31")))
        }

        for (name, body) in steps {
            try body()
            let tables = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: nbe))
            #expect(try listed(host) == tables, "after \(name)")
        }
    }
}
