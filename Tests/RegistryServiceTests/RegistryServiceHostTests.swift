import Foundation
import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// The registry's methods called through the service runtime (in-process, same path as a network
/// request): import and export, every rule surfacing as a stable error code and field, writes
/// being all or nothing, and the audit trail.
@Suite("Registry service through the runtime")
struct RegistryServiceHostTests {
    @Test("The seed committees import, export and re-import to the same content", arguments: ["norrbotten-e-namnd.json", "jamtland-gns.json"])
    func importExportReimport(_ name: String) throws {
        let file = try Fixtures.shipped(name)
        let first = try RegistryTestHost("registry-first")
        let result = try first.importShipped(file)
        #expect(result == ImportResult(committee: file.committee.code, counts: file.counts, replaced: false, stored: true))
        let exported = try first.call(RegistryMethods.exportCommittee, CommitteeRef(committee: file.committee.code))
        #expect(exported == file)

        let second = try RegistryTestHost("registry-second")
        try second.importShipped(exported)
        #expect(try second.call(RegistryMethods.exportCommittee, CommitteeRef(committee: file.committee.code)) == file)
    }

    @Test("Both committees live side by side in one deployment")
    func twoCommitteesInOneDeployment() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        try host.importShipped(Fixtures.jamtland())
        let list = try host.call(RegistryMethods.committeeList, Empty())
        #expect(list.map(\.committee.code) == ["GNS", "NBE"])
        #expect(list.map(\.hostParty) == ["region-jh", "lulea"])
        // 28 of the term 2019-2022 (seed 002) and the chair's of 2011-2014 (seed 004).
        #expect(list[1].counts.appointments == 29)
        // The same person id in two committees are two records.
        let isak = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi"))
        #expect(isak.person.name == "Isak Utsi")
        #expect(throws: ServiceError.notFound("GNS has no person \"isak-utsi\"", field: "id")) {
            try host.call(RegistryMethods.personGet, RecordRef(committee: "GNS", id: "isak-utsi"))
        }
    }

    @Test("Committee codes are matched in any case, for reads and writes: nbe is NBE")
    func committeeCodesInAnyCase() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let composition = try host.call(RegistryMethods.composition,
                                        CompositionRequest(committee: "nbe", on: Fixtures.day("2022-06-22")), role: .read)
        #expect(composition.committee == "NBE" && composition.chair?.name == "Carina Sammeli")
        #expect(try host.call(RegistryMethods.partyGet, RecordRef(committee: "Nbe", id: "lulea")).name == "Luleå kommun")
        let anna = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "nbe", name: "Anna Berg"))
        #expect(try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: anna.id)).person == anna)
        // A new committee's code is still written in capitals.
        expectServiceError(.validation, field: "committee.code") {
            _ = try host.call(RegistryMethods.committeeCreate, CommitteeCreate(committee: Committee(
                code: "tst", name: "Test", shortName: "T", caseNumberFormat: "T/{serial}")))
        }
    }

    @Test("Importing over an existing committee is a conflict unless replaceExisting is set")
    func importConflictAndReplace() throws {
        let host = try RegistryTestHost()
        let file = try Fixtures.norrbotten()
        try host.importShipped(file)
        expectServiceError(.conflict, field: "file.committee.code") { try host.importShipped(file) }
        var changed = file
        changed.persons[0].email = "isak.utsi@example.se"
        let replaced = try host.call(RegistryMethods.importCommittee, ImportRequest(file: changed, replaceExisting: true))
        #expect(replaced.replaced)
        #expect(try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE")) == changed)
    }

    @Test("An invalid file is refused with the field's path in the file, and nothing of it is stored")
    func invalidImportStoresNothing() throws {
        let host = try RegistryTestHost()
        var file = try Fixtures.norrbotten()
        file.parties[2].organisationNumber = "212000-2768"
        expectServiceError(.validation, field: "file.parties[2].organisationNumber") {
            _ = try host.call(RegistryMethods.importCheck, ImportRequest(file: file), role: .read)
        }
        expectServiceError(.validation, field: "file.parties[2].organisationNumber") { try host.importShipped(file) }
        expectServiceError(.notFound, field: "committee") {
            _ = try host.call(RegistryMethods.committeeGet, CommitteeRef(committee: "NBE"))
        }
        let check = try host.call(RegistryMethods.importCheck, ImportRequest(file: try Fixtures.norrbotten()), role: .read)
        #expect(check.stored == false && check.replaced == false)
    }

    @Test("Import needs the admin role; reads need only read")
    func roles() throws {
        let host = try RegistryTestHost()
        expectServiceError(.forbidden, field: nil) {
            _ = try host.call(RegistryMethods.importCommittee, ImportRequest(file: try Fixtures.norrbotten()), role: .write)
        }
        try host.importShipped(Fixtures.norrbotten())
        let parties = try host.call(RegistryMethods.partyList, ListRequest(committee: "NBE"), role: .read)
        #expect(parties.count == 14)
        expectServiceError(.forbidden, field: nil) {
            _ = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "NBE", name: "X"), role: .read)
        }
    }

    @Test("The composition of Norrbotten on 2022-06-22 through the runtime: 14 ledamöter, 14 ersättare, Carina Sammeli chair")
    func compositionThroughTheRuntime() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let composition = try host.call(RegistryMethods.composition,
                                        CompositionRequest(committee: "NBE", on: Fixtures.day("2022-06-22")), role: .read)
        #expect(composition.ledamoter.count == 14 && composition.ersattare.count == 14)
        #expect(composition.chair?.name == "Carina Sammeli" && composition.viceChair?.name == "Isak Utsi")
        let substitutes = try host.call(RegistryMethods.substitutes,
                                        SubstitutesRequest(committee: "NBE", ledamot: "lena-goldkuhl",
                                                           on: Fixtures.day("2022-06-22")), role: .read)
        #expect(substitutes.candidates.map(\.member.name) == ["Johan Johansson"])
        let table = try host.call(RegistryMethods.yearlyKeyTable,
                                  YearlyKeyTableRequest(committee: "NBE", kind: .population, year: 2022), role: .read)
        #expect(table.total == 368_800 && table.illustrative)
    }

    @Test("Building a committee method by method: committee, party, person, appointment, role, staff, pairing, key")
    func buildStepByStep() throws {
        let host = try RegistryTestHost()
        let committee = Committee(code: "TST", name: "Testnämnden", shortName: "Test", caseNumberFormat: "TST/{serial}/{year}",
                                  establishedOn: Fixtures.day("2019-01-01"))
        #expect(try host.call(RegistryMethods.committeeCreate, CommitteeCreate(committee: committee)) == committee)
        expectServiceError(.conflict, field: "committee.code") {
            _ = try host.call(RegistryMethods.committeeCreate, CommitteeCreate(committee: committee))
        }
        let lulea = try host.call(RegistryMethods.partyAdd, PartyAdd(committee: "TST", party: Party(
            code: "lulea", name: "Luleå kommun", kind: .kommun, organisationNumber: "2120002742", isHost: true,
            joinedOn: Fixtures.day("2019-01-01"), invoicing: InvoiceDetails(bankgiro: "50501055"))))
        #expect(lulea.organisationNumber == "212000-2742")
        #expect(lulea.invoicing.bankgiro == "5050-1055")
        let boden = try host.call(RegistryMethods.partyAdd, PartyAdd(committee: "TST", party: Party(
            code: "boden", name: "Bodens kommun", kind: .kommun, organisationNumber: "212000-2767",
            joinedOn: Fixtures.day("2019-01-01"))))
        #expect(boden.code == "boden")

        let lena = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "TST", name: "Lena Goldkuhl"))
        let johan = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "TST", name: "Johan Johansson"))
        let carina = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "TST", name: "Carina Sammeli"))
        #expect([lena.id, johan.id, carina.id] == ["lena-goldkuhl", "johan-johansson", "carina-sammeli"])

        let lenaSeat = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
            committee: "TST", person: lena.id, party: "boden", kind: .ledamot, politicalParty: "S",
            mandatePeriod: Fixtures.term))
        let johanSeat = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
            committee: "TST", person: johan.id, party: "boden", kind: .ersattare, politicalParty: "MP",
            mandatePeriod: Fixtures.term))
        _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
            committee: "TST", person: carina.id, party: "lulea", kind: .ledamot, politicalParty: "S",
            mandatePeriod: Fixtures.term))
        #expect(lenaSeat.id == "lena-goldkuhl-2019" && lenaSeat.to == Fixtures.day("2022-12-31"))

        let chair = try host.call(RegistryMethods.roleAssign, RoleAssign(committee: "TST", person: carina.id, role: .chair,
                                                                         from: Fixtures.day("2019-01-01")))
        #expect(chair.to == Fixtures.day("2022-12-31"))
        expectServiceError(.validation, field: "person") {
            _ = try host.call(RegistryMethods.roleAssign, RoleAssign(committee: "TST", person: johan.id, role: .viceChair,
                                                                     from: Fixtures.day("2019-01-01")))
        }

        let pairing = try host.call(RegistryMethods.pairingCreate, PairingCreate(
            committee: "TST", substitute: johanSeat.id, ledamot: lenaSeat.id))
        #expect(pairing.id == "johan-johansson-for-lena-goldkuhl")

        let robert = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "TST", name: "Robert Karlsson"))
        let secretary = try host.call(RegistryMethods.staffAssign, StaffAssign(
            committee: "TST", person: robert.id, role: .secretary, title: "nämndsekreterare", from: Fixtures.day("2022-01-01")))
        #expect(secretary.id == "secretary-robert-karlsson")

        let publicKey = String(repeating: "5a", count: 32)
        let key = try host.call(RegistryMethods.signingKeyAdd, SigningKeyAdd(
            committee: "TST", person: robert.id, publicKey: publicKey.uppercased(), validFrom: Fixtures.day("2022-01-01")))
        #expect(key.publicKey == publicKey)
        let revoked = try host.call(RegistryMethods.signingKeyRevoke, SigningKeyRevoke(
            committee: "TST", key: key.id, revokedOn: Fixtures.day("2022-07-08"), reason: "lost device"))
        #expect(revoked.revokedOn == Fixtures.day("2022-07-08"))
        expectServiceError(.conflict, field: "key") {
            _ = try host.call(RegistryMethods.signingKeyRevoke, SigningKeyRevoke(
                committee: "TST", key: key.id, revokedOn: Fixtures.day("2022-07-09"), reason: "again"))
        }
        let usable = try host.call(RegistryMethods.signingKeyList,
                                   ListRequest(committee: "TST", on: Fixtures.day("2022-07-06"), person: robert.id))
        #expect(usable.map(\.id) == [key.id])
        #expect(try host.call(RegistryMethods.signingKeyList,
                              ListRequest(committee: "TST", on: Fixtures.day("2022-07-08"))).isEmpty)

        let details = try host.call(RegistryMethods.personGet, RecordRef(committee: "TST", id: lena.id))
        #expect(details.appointments.map(\.id) == [lenaSeat.id] && details.pairings.map(\.id) == [pairing.id])

        // The audit trail has one entry per change, each naming the committee and the record.
        let audit = try host.call(CommonMethods.audit, AuditQuery(limit: 100), role: .read)
        #expect(audit.count == 15)
        #expect(audit.contains { $0.entity == "party" && $0.entityID == "TST/lulea" && $0.action == "create" })
        #expect(audit.contains { $0.entity == "signing-key" && $0.action == "revoke" && $0.keyID == "test-key" })
    }

    @Test("An ersättare of another party cannot be paired, and the refusal stores nothing")
    func crossPartyPairingRefused() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        expectServiceError(.validation, field: "ledamot") {
            _ = try host.call(RegistryMethods.pairingCreate, PairingCreate(
                committee: "NBE", substitute: "roland-nordin-2019", ledamot: "lena-goldkuhl-2019"))
        }
        #expect(try host.call(RegistryMethods.pairingList, ListRequest(committee: "NBE")).count == 14)
    }

    @Test("Ending Boden's membership while its appointments run on fails, naming the appointment, and changes nothing")
    func endingPartyIsAllOrNothing() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let error = expectServiceError(.validation, field: "appointments[lena-goldkuhl-2019].to") {
            _ = try host.call(RegistryMethods.partyEnd, EndRequest(committee: "NBE", id: "boden", lastDay: Fixtures.day("2021-12-31")))
        }
        #expect(error?.message.contains("Lena Goldkuhl") == true)
        #expect(try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "boden")).leftOn == nil)

        // Ending the pairing, then both appointments, then the membership works, in that order.
        _ = try host.call(RegistryMethods.pairingEnd, EndRequest(committee: "NBE", id: "johan-johansson-for-lena-goldkuhl",
                                                                 lastDay: Fixtures.day("2021-12-31")))
        for id in ["lena-goldkuhl-2019", "johan-johansson-2019"] {
            _ = try host.call(RegistryMethods.appointmentEnd, EndRequest(committee: "NBE", id: id,
                                                                         lastDay: Fixtures.day("2021-12-31")))
        }
        let boden = try host.call(RegistryMethods.partyEnd, EndRequest(committee: "NBE", id: "boden",
                                                                       lastDay: Fixtures.day("2021-12-31")))
        #expect(boden.leftOn == Fixtures.day("2021-12-31"))
        let composition = try host.call(RegistryMethods.composition,
                                        CompositionRequest(committee: "NBE", on: Fixtures.day("2022-06-22")))
        #expect(composition.parties.count == 13)
        expectServiceError(.validation, field: "lastDay") {
            _ = try host.call(RegistryMethods.appointmentEnd, EndRequest(committee: "NBE", id: "isak-utsi-2019",
                                                                         lastDay: Fixtures.day("2023-06-30")))
        }
    }

    @Test("Rules surface with their codes and fields through the runtime")
    func ruleErrorsThroughTheRuntime() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        expectServiceError(.validation, field: "party.organisationNumber") {
            _ = try host.call(RegistryMethods.partyAdd, PartyAdd(committee: "NBE", party: Party(
                code: "umea", name: "Umeå kommun", kind: .kommun, organisationNumber: "212000-2743",
                joinedOn: Fixtures.day("2022-01-01"))))
        }
        expectServiceError(.conflict, field: "party.organisationNumber") {
            _ = try host.call(RegistryMethods.partyAdd, PartyAdd(committee: "NBE", party: Party(
                code: "lulea-2", name: "Luleå igen", kind: .kommun, organisationNumber: "212000-2742",
                joinedOn: Fixtures.day("2022-01-01"))))
        }
        expectServiceError(.validation, field: "party.leftOn") {
            var boden = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "boden"))
            boden.leftOn = Fixtures.day("2013-01-01")
            _ = try host.call(RegistryMethods.partyUpdate, PartyUpdate(committee: "NBE", party: boden))
        }
        let newcomer = try host.call(RegistryMethods.personCreate, PersonCreate(committee: "NBE", name: "Ny Ledamot"))
        expectServiceError(.conflict, field: "seat") {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: "NBE", person: newcomer.id, party: "boden", kind: .ledamot, politicalParty: "S",
                mandatePeriod: Fixtures.term))
        }
        expectServiceError(.conflict, field: "from") {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: "NBE", person: newcomer.id, party: "boden", kind: .ledamot, seat: 1, politicalParty: "S",
                mandatePeriod: Fixtures.term))
        }
        expectServiceError(.validation, field: "from") {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: "NBE", person: newcomer.id, party: "kiruna", kind: .ledamot, seat: 1, politicalParty: "S",
                mandatePeriod: MandatePeriod("2011-2014")!, from: Fixtures.day("2014-01-01")))
        }
        expectServiceError(.validation, field: "mandatePeriod") {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: "NBE", person: newcomer.id, party: "kiruna", kind: .ledamot, politicalParty: "S",
                mandatePeriod: MandatePeriod("2011-2014")!))
        }
        expectServiceError(.notFound, field: "committee") {
            _ = try host.call(RegistryMethods.partyList, ListRequest(committee: "XYZ"))
        }
        expectServiceError(.notFound, field: "person") {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: "NBE", person: "nobody", party: "kiruna", kind: .ledamot, politicalParty: "S",
                mandatePeriod: MandatePeriod("2023-2026")!))
        }
    }

    @Test("A retried write with the same idempotency key is applied once")
    func idempotentRetry() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let key = Array(repeating: UInt8(7), count: 16)
        let request = PersonCreate(committee: "NBE", name: "Johan Johansson", allowSameName: true)
        let first = try host.call(RegistryMethods.personCreate, request, idempotencyKey: key)
        let again = try host.call(RegistryMethods.personCreate, request, idempotencyKey: key)
        #expect(first == again)
        #expect(first.id == "johan-johansson-2")
        #expect(try host.call(RegistryMethods.personList, ListRequest(committee: "NBE")).count == 33)
    }

    @Test("Yearly keys are set and replaced; committee update and end are checked against the parties")
    func yearlyKeysAndCommitteeLifecycle() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let official = YearlyKey(party: "lulea", kind: .population, year: 2022, value: 79_638,
                                 referenceDate: Fixtures.day("2021-12-31"), source: "SCB, folkmängd 2021-12-31")
        _ = try host.call(RegistryMethods.yearlyKeySet, YearlyKeySet(committee: "NBE", key: official))
        let keys = try host.call(RegistryMethods.yearlyKeyList, ListRequest(committee: "NBE", party: "lulea"))
        #expect(keys == [official])
        expectServiceError(.validation, field: "key.value") {
            var negative = official
            negative.value = -5
            _ = try host.call(RegistryMethods.yearlyKeySet, YearlyKeySet(committee: "NBE", key: negative))
        }

        var committee = try host.call(RegistryMethods.committeeGet, CommitteeRef(committee: "NBE")).committee
        committee.establishedOn = Fixtures.day("2015-01-01")
        expectServiceError(.validation, field: "parties[arjeplog].joinedOn") {
            _ = try host.call(RegistryMethods.committeeUpdate, CommitteeUpdate(committee: committee))
        }
        expectServiceError(.validation, field: "parties[arjeplog].leftOn") {
            _ = try host.call(RegistryMethods.committeeEnd, CommitteeEnd(committee: "NBE", lastDay: Fixtures.day("2022-12-31")))
        }
        committee.establishedOn = Fixtures.day("2013-03-25")
        committee.notes.append("Established date from the cooperation agreement.")
        #expect(try host.call(RegistryMethods.committeeUpdate, CommitteeUpdate(committee: committee)) == committee)
        #expect(try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "NBE")).committee == committee)
    }
}
