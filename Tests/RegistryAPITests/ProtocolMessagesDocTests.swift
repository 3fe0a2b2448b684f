import Foundation
import KansliCoding
import KansliPlatform
import KansliProtocol
import KansliTestSupport
import RegistryAPI
import Testing

/// Keeps section 6 of the protocol spec ("Methods and messages") true to the code, so a client
/// written from the document alone speaks what the services speak: the worked example is the
/// encoder's output byte for byte, the method table is the method lists, and every type's table
/// names exactly the fields the encoder writes, with the value types, presence and defaults the
/// decoder actually has. The spec is read from docs/PROTOCOL.md.
@Suite("Protocol spec, section 6: methods and messages")
struct ProtocolMessagesDocTests {
    // MARK: 6.4 The worked example

    @Test("the composition example's bytes are what BinaryEncoder writes for NBE on 2022-06-22")
    func compositionExampleIsTheEncoderOutput() throws {
        let section = try Spec.section("example:composition-request")
        #expect(Hex.string(try Spec.hexBlock(in: section)) == Hex.string(try Self.compositionRequest()))
    }

    @Test("the composition example's annotation table covers every payload byte, each at its offset")
    func compositionExampleAnnotationCoversEveryByte() throws {
        let payload = try Self.compositionRequest()
        let rows = Spec.tableRows(in: try Spec.section("example:composition-request"))
            .filter { $0.count == 4 && Int($0[0]) != nil }
        #expect(!rows.isEmpty, "the example has an annotation table")
        var expectedOffset = 0
        for row in rows {
            let offset = Int(row[0]) ?? -1
            let length = Int(row[1]) ?? -1
            let bytes = Hex.bytes(row[2])
            #expect(offset == expectedOffset, "row \(row[3])")
            #expect(bytes.count == length, "row \(row[3])")
            let start = min(max(offset, 0), payload.count)
            let end = min(start + max(length, 0), payload.count)
            #expect(Hex.string(Array(payload[start..<end])) == Hex.string(bytes), "row \(row[3])")
            expectedOffset = offset + length
        }
        #expect(expectedOffset == payload.count)
    }

    static func compositionRequest() throws -> [UInt8] {
        let day = try #require(CalendarDate("2022-06-22"))
        return try BinaryEncoder().encode(CompositionRequest(committee: "NBE", on: day))
    }

    // MARK: 6.2 The method table

    @Test("the method table lists exactly the common and registry methods: ids, names, access, roles, message types")
    func methodTableMatchesTheMethodLists() throws {
        let documented = Spec.tableRows(in: try Spec.section("method-table"))
            .filter { $0.count == 7 && $0[0].hasPrefix("0x") }
            .map { MethodRow(id: $0[0], name: $0[1], access: $0[2], roles: $0[3], request: $0[4], response: $0[5]) }
        let expected = Self.commonMethods + Self.registryMethods
        #expect(documented.map(\.id) == expected.map(\.id), "the same method ids, in the same order")
        for (spec, code) in zip(documented, expected) where spec.id == code.id {
            #expect(spec == code, "method \(code.id)")
        }
        for id in Set(documented.map(\.id)).symmetricDifference(expected.map(\.id)).sorted() {
            Issue.record("method \(id) is in only one of the spec and the code")
        }
    }

    @Test("the test's own list of registry methods is RegistryMethods.all")
    func registryListIsComplete() {
        // A method added to RegistryMethods.all must be added to `registryMethods` (with its
        // message types) and to the spec's table.
        #expect(Self.registryMethods.map(\.summary) == RegistryMethods.all.map(Self.summaryText))
    }

    /// One row of the method table, as the spec writes it (backticks removed).
    struct MethodRow: Equatable, CustomStringConvertible {
        var id: String
        var name: String
        var access: String
        var roles: String
        var request: String
        var response: String

        var summary: String { "\(id) \(name) \(access) \(roles)" }
        var description: String { "\(summary) \(request) → \(response)" }
    }

    static func row<Request, Response>(_ method: KansliProtocol.Method<Request, Response>) -> MethodRow {
        MethodRow(id: hexID(method.id), name: method.name, access: method.access.rawValue, roles: method.roles.description,
                  request: typeName(Request.self), response: typeName(Response.self))
    }

    static func summaryText(_ method: MethodSummary) -> String {
        "\(hexID(method.id)) \(method.name) \(method.access.rawValue) \(method.roles)"
    }

    /// `0x01A0`: four upper-case hexadecimal digits, as in the spec.
    static func hexID(_ id: UInt16) -> String {
        let digits = String(id, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `Party`, or `[Party]` for an array, as the spec writes message types.
    static func typeName<T>(_ type: T.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array<"), name.hasSuffix(">") {
            return "[" + name.dropFirst("Array<".count).dropLast() + "]"
        }
        return name
    }

    static let commonMethods: [MethodRow] = [
        row(CommonMethods.health), row(CommonMethods.stats), row(CommonMethods.audit),
        row(CommonMethods.clock), row(CommonMethods.clockSet), row(CommonMethods.backup),
    ]

    static let registryMethods: [MethodRow] = [
        row(RegistryMethods.committeeCreate), row(RegistryMethods.committeeUpdate), row(RegistryMethods.committeeEnd),
        row(RegistryMethods.committeeGet), row(RegistryMethods.committeeList),
        row(RegistryMethods.partyAdd), row(RegistryMethods.partyUpdate), row(RegistryMethods.partyEnd),
        row(RegistryMethods.partyGet), row(RegistryMethods.partyList),
        row(RegistryMethods.yearlyKeySet), row(RegistryMethods.yearlyKeyList), row(RegistryMethods.yearlyKeyTable),
        row(RegistryMethods.personCreate), row(RegistryMethods.personUpdate), row(RegistryMethods.personEnd),
        row(RegistryMethods.personGet), row(RegistryMethods.personList), row(RegistryMethods.personErase),
        row(RegistryMethods.appointmentCreate), row(RegistryMethods.appointmentUpdate),
        row(RegistryMethods.appointmentEnd), row(RegistryMethods.appointmentGet), row(RegistryMethods.appointmentList),
        row(RegistryMethods.appointmentReplace),
        row(RegistryMethods.roleAssign), row(RegistryMethods.roleUpdate), row(RegistryMethods.roleEnd),
        row(RegistryMethods.roleGet), row(RegistryMethods.roleList),
        row(RegistryMethods.staffAssign), row(RegistryMethods.staffUpdate), row(RegistryMethods.staffEnd),
        row(RegistryMethods.staffGet), row(RegistryMethods.staffList),
        row(RegistryMethods.pairingCreate), row(RegistryMethods.pairingUpdate), row(RegistryMethods.pairingEnd),
        row(RegistryMethods.pairingGet), row(RegistryMethods.pairingList),
        row(RegistryMethods.signingKeyAdd), row(RegistryMethods.signingKeyRevoke), row(RegistryMethods.signingKeyGet),
        row(RegistryMethods.signingKeyList),
        row(RegistryMethods.composition), row(RegistryMethods.substitutes),
        row(RegistryMethods.importCommittee), row(RegistryMethods.importCheck), row(RegistryMethods.exportCommittee),
        row(RegistryMethods.signerMap), row(RegistryMethods.signerUnmap), row(RegistryMethods.signerGet),
        row(RegistryMethods.signerList), row(RegistryMethods.withdraw),
    ]

    // MARK: 6.3 The types

    @Test("6.3 has one entry per message type, enumeration and string type, in alphabetical order")
    func typeEntriesAreCompleteAndSorted() throws {
        let names = try Spec.typeEntries().map(\.name)
        let expected = try Samples.all().map(\.name) + Samples.enumerations.map(\.name) + Samples.stringTypes
        #expect(names == names.sorted(), "entries are in alphabetical order")
        #expect(Set(names).count == names.count, "no type has two entries")
        #expect(Set(names) == Set(expected))
        for name in Set(names).symmetricDifference(expected).sorted() {
            Issue.record("type \(name) is in only one of the spec and the test's samples")
        }
    }

    @Test("every message type's table lists exactly the fields Kansli writes, in the order it writes them")
    func fieldTablesMatchTheEncodedMaps() throws {
        let entries = try Spec.typeEntriesByName()
        for sample in try Samples.all() {
            guard let entry = entries[sample.name] else { continue }
            let written = try Wire.mapEntries(sample.encoded).map(\.key)
            #expect(entry.fields.map(\.name) == written, "\(sample.name)")
        }
    }

    @Test("every field's value type is the tag Kansli writes for it")
    func valueTypesMatchTheEncodedTags() throws {
        let entries = try Spec.typeEntriesByName()
        let enumerations = Set(Samples.enumerations.map(\.name))
        for sample in try Samples.all() {
            guard let entry = entries[sample.name] else { continue }
            let values = Dictionary(uniqueKeysWithValues: try Wire.mapEntries(sample.encoded).map { ($0.key, $0.value) })
            for field in entry.fields {
                guard let value = values[field.name] else { continue }
                let problem = try Wire.mismatch(value, documentedAs: field.valueType, enumerations: enumerations)
                #expect(problem == nil, "\(sample.name).\(field.name): \(problem ?? "")")
            }
        }
    }

    @Test("presence: required fields cannot be left out, optional ones can, and defaults are the decoder's")
    func presenceMatchesTheDecoder() throws {
        let entries = try Spec.typeEntriesByName()
        for sample in try Samples.all() {
            guard let entry = entries[sample.name] else { continue }
            let all = try Wire.mapEntries(sample.encoded)
            for field in entry.fields {
                let without = Wire.map(all.filter { $0.key != field.name })
                let label = "\(sample.name).\(field.name) (\(field.presence))"
                if field.presence == "required" {
                    #expect(throws: (any Error).self, "\(label) must be required") { try sample.roundTrip(without) }
                    continue
                }
                #expect(field.presence.hasPrefix("optional"), "\(label): presence is required or optional…")
                let decoded: [UInt8]
                do { decoded = try sample.roundTrip(without) } catch {
                    Issue.record("\(label) cannot be left out: \(error)")
                    continue
                }
                let value = try Wire.mapEntries(decoded).first { $0.key == field.name }?.value
                if let literal = field.defaultLiteral {
                    #expect(value.map(Hex.string) == Hex.string(try Wire.encodeLiteral(literal)),
                            "\(label): the decoder's default")
                } else {
                    #expect(value == nil, "\(label): left out, it stays absent (no default)")
                }
            }
        }
    }

    @Test("decoders ignore unknown fields and the order of fields")
    func unknownFieldsAndOrderAreIgnored() throws {
        for sample in try Samples.all() {
            let entries = try Wire.mapEntries(sample.encoded)
            let extended = Wire.map(entries + [(key: "fieldFromTheFuture", value: [0x06, 0x01, 0x78])])
            #expect(try sample.roundTrip(extended) == sample.encoded, "\(sample.name): unknown field")
            #expect(try sample.roundTrip(Wire.map(entries.reversed())) == sample.encoded, "\(sample.name): order")
        }
    }

    @Test("every enumeration lists exactly its wire values")
    func enumerationValuesMatch() throws {
        let entries = try Spec.typeEntriesByName()
        for enumeration in Samples.enumerations {
            let documented = entries[enumeration.name]?.rows.map { Spec.unquote($0[0]) }
            #expect(documented == enumeration.values, "\(enumeration.name)")
        }
    }

    @Test("calendar dates and mandate periods travel as the strings 6.1 describes")
    func stringTypesAreStrings() throws {
        let day = try #require(CalendarDate("2022-06-22"))
        #expect(try BinaryEncoder().encode(day) == [0x06, 0x0A] + Array("2022-06-22".utf8))
        #expect(try BinaryEncoder().encode(MandatePeriod(startYear: 2019, endYear: 2022))
                    == [0x06, 0x09] + Array("2019-2022".utf8))
        #expect(try BinaryDecoder().decode(MandatePeriod.self, from: [0x06, 0x0B] + Array("2019–2022".utf8))
                    == MandatePeriod(startYear: 2019, endYear: 2022))
        #expect(throws: (any Error).self) {
            try BinaryDecoder().decode(CalendarDate.self, from: [0x06, 0x0A] + Array("2017-02-30".utf8))
        }
        #expect(try BinaryEncoder().encode(Empty()) == [0x09, 0x01, 0x00])
    }
}

// MARK: - Helpers

extension ProtocolMessagesDocTests {
    // MARK: Reading the spec

    /// The spec's text and the parts of section 6 the tests compare with the code.
    typealias Spec = ProtocolSpec
    typealias Wire = ProtocolWire
    typealias Hex = ProtocolHex

    // MARK: Samples of every message type

    /// One value of each message type with every optional field set, so its encoding holds every field.
    struct Sample {
        /// The Swift type's name, as the spec's heading.
        let name: String
        /// The value as BinaryEncoder writes it.
        let encoded: [UInt8]
        /// Decodes bytes as the sample's type and encodes the result again.
        let roundTrip: ([UInt8]) throws -> [UInt8]

        init<T: Codable>(_ value: T) throws {
            name = String(describing: T.self)
            encoded = try BinaryEncoder().encode(value)
            roundTrip = { try BinaryEncoder().encode(try BinaryDecoder().decode(T.self, from: $0)) }
        }
    }

    enum Samples {
        /// Types 6.3 describes as strings with a format, without a field table.
        static let stringTypes = ["CalendarDate", "ErrorCode", "MandatePeriod"]

        /// Every enumeration and its raw values, in declaration order.
        static let enumerations: [(name: String, values: [String])] = [
            values(AppointmentKind.self), values(CommitteeRole.self), values(InvoiceField.self), values(KeyKind.self),
            values(MandatePeriodRule.self), values(PartyKind.self),
            values(Role.self), values(StaffRole.self), values(SubstitutionBasis.self),
            values(WithdrawableKind.self),
        ]

        static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> (name: String, values: [String])
        where E.RawValue == String {
            (String(describing: type), E.allCases.map(\.rawValue))
        }

        static func all() throws -> [Sample] {
            let day = try #require(CalendarDate("2022-06-22"))
            let period = try MandatePeriod(startYear: 2019, endYear: 2022)
            let committee = Committee(code: "NBE", name: "Norrbottens e-nämnd", shortName: "E-nämnden",
                                      caseNumberFormat: "{year}/{serial}-{class}", establishedOn: day, endedOn: day,
                                      notes: ["illustrative"], localPoliticalParties: ["Kommunens väl"],
                                      mandatePeriodRule: .any)
            let address = PostalAddress(lines: ["Luleå kommun"], postalCode: "971 85", city: "Luleå")
            let invoicing = InvoiceDetails(address: address, buyerReference: "E-nämnden", peppolID: "0007:2120002742",
                                           bankgiro: "5050-1055", invented: [.address, .bankgiro])
            let withdrawal = Withdrawal(on: day, reason: "entered by mistake")
            let party = Party(code: "lulea", name: "Luleå kommun", kind: .kommun, organisationNumber: "212000-2742",
                              isHost: true, joinedOn: day, leftOn: day, memberSeats: 2, substituteSeats: 2,
                              invoicing: invoicing, note: "checked", revision: 3)
            let person = Person(id: "isak-utsi", name: "Isak Utsi", email: "isak@example.se", phone: "0920-45 30 00",
                                note: "note", leftOn: day, erasedOn: day, revision: 2)
            let appointment = Appointment(id: "isak-utsi-2019", person: "isak-utsi", party: "lulea", kind: .ledamot,
                                          seat: 2, politicalParty: "S", mandatePeriod: period, from: day, to: day,
                                          note: "note", withdrawn: withdrawal, revision: 1)
            let role = RoleAssignment(id: "chair-isak-utsi-2019", person: "isak-utsi", role: .chair, from: day, to: day,
                                      withdrawn: withdrawal, revision: 1)
            let staff = StaffAssignment(id: "secretary-isak-utsi", person: "isak-utsi", role: .secretary,
                                        title: "nämndsekreterare", organisation: "Evado", from: day, to: day,
                                        withdrawn: withdrawal, revision: 1, acting: true, external: true)
            let pairing = SubstitutePairing(id: "a-for-b", substitute: "a-2019", ledamot: "b-2019", rank: 1, from: day,
                                            to: day, withdrawn: withdrawal, revision: 1)
            let key = SigningKey(id: "isak-utsi-key-1", person: "isak-utsi", publicKey: String(repeating: "ab", count: 32),
                                 validFrom: day, validTo: day, revokedOn: day, revocationReason: "lost device")
            let yearlyKey = YearlyKey(party: "lulea", kind: .population, year: 2022, value: 79_638, referenceDate: day,
                                      source: "SCB", illustrative: true)
            let counts = RecordCounts(parties: 1, yearlyKeys: 2, persons: 3, appointments: 4, roles: 5, staff: 6,
                                      pairings: 7, signingKeys: 8)
            let member = CompositionMember(person: "isak-utsi", name: "Isak Utsi", party: "lulea", politicalParty: "S",
                                           kind: .ledamot, seat: 1, appointment: "isak-utsi-2019", roles: [.chair],
                                           partyName: "Luleå kommun", mandatePeriod: period, from: day, to: day,
                                           substituteFor: "a-2019", rank: 1, personalSubstitute: "b-2019")
            let file = CommitteeFile(committee: committee, parties: [party], yearlyKeys: [yearlyKey], persons: [person],
                                     appointments: [appointment], roles: [role], staff: [staff], pairings: [pairing],
                                     signingKeys: [key])
            let compositionStaff = CompositionStaff(person: "isak-utsi", name: "Isak Utsi", role: .coordinator,
                                                    title: "samordnare", organisation: "Evado", acting: true,
                                                    external: true, alsoMember: .ledamot, from: day, to: day)
            let partyComposition = PartyComposition(party: "lulea", name: "Luleå kommun", kind: .kommun, isHost: true,
                                                    ledamoter: [member], ersattare: [member],
                                                    organisationNumber: "212000-2742")
            let vacancy = Vacancy(party: "lulea", kind: .ersattare, seat: 2)
            let candidate = SubstituteCandidate(member: member, basis: .orderOfService, rank: 1)
            let row = YearlyKeyRow(party: "lulea", partyName: "Luleå kommun", value: 79_638, referenceDate: day,
                                   source: "SCB", illustrative: true)

            let peerHealth = PeerHealth(service: "registry", address: "127.0.0.1:7401", status: "unavailable",
                                        message: "no answer")
            let signer = SignerClient(keyID: "signer-isak-utsi", committee: "NBE", person: "isak-utsi", mappedOn: day)

            return [
                // Common.
                try Sample(Empty()),
                try Sample(HealthRequest(peers: true)),
                try Sample(HealthStatus(service: "finance", version: "1.0", status: "ok", schemaVersion: 2,
                                        uptimeSeconds: 1.5, peers: [peerHealth])),
                try Sample(peerHealth),
                try Sample(ServiceStats(service: "registry", uptimeSeconds: 1.5, openConnections: 1, acceptedConnections: 2,
                                        refusedConnections: 3, failedHandshakes: 4, requests: 5, errors: 6,
                                        replayedWrites: 7, latencyP50Microseconds: 8.5, latencyP99Microseconds: 9.5,
                                        requestsByMethod: ["health": 1, "stats": 2])),
                try Sample(AuditQuery(limit: 50, entity: "party")),
                try Sample(AuditEntry(sequence: 1, at: "2024-03-01T09:15:02.417Z", keyID: "ops", method: "registry.party.add",
                                      action: "create", entity: "party", entityID: "NBE/lulea", summary: "added")),
                try Sample(ServiceError(.validation, "wrong", field: "party.code")),
                try Sample(ClockStatus(now: Timestamp(microsecondsSince1970: 1_656_401_400_000_000), simulated: true)),
                try Sample(ClockSetRequest(to: Timestamp(microsecondsSince1970: 1_656_401_400_000_000))),
                try Sample(BackupResult(path: "/var/lib/kansli/documents/backups/documents-20230116T090000000Z.sqlite", bytes: 4096,
                                        pages: 1, integrity: "ok", takenAt: Timestamp(microsecondsSince1970: 1_656_401_400_000_000))),
                // Records.
                try Sample(committee), try Sample(party), try Sample(invoicing), try Sample(address), try Sample(person),
                try Sample(appointment), try Sample(role), try Sample(staff), try Sample(pairing), try Sample(key),
                try Sample(yearlyKey), try Sample(counts), try Sample(file),
                // Shared requests.
                try Sample(CommitteeRef(committee: "NBE")),
                try Sample(RecordRef(committee: "NBE", id: "lulea")),
                try Sample(EndRequest(committee: "NBE", id: "lulea", lastDay: day, revision: 2)),
                try Sample(ListRequest(committee: "NBE", on: day, party: "lulea", person: "isak-utsi")),
                // Committees and parties.
                try Sample(CommitteeCreate(committee: committee)),
                try Sample(CommitteeUpdate(committee: committee)),
                try Sample(CommitteeEnd(committee: "NBE", lastDay: day)),
                try Sample(CommitteeOverview(committee: committee, hostParty: "lulea", counts: counts)),
                try Sample(PartyAdd(committee: "NBE", party: party)),
                try Sample(PartyUpdate(committee: "NBE", party: party)),
                // Yearly keys.
                try Sample(YearlyKeySet(committee: "NBE", key: yearlyKey)),
                try Sample(YearlyKeyTableRequest(committee: "NBE", kind: .pupils, year: 2022)),
                try Sample(YearlyKeyTable(committee: "NBE", kind: .population, year: 2022, rows: [row], missing: ["pitea"],
                                          total: 79_638, illustrative: true)),
                try Sample(row),
                // Persons.
                try Sample(PersonCreate(committee: "NBE", id: "isak-utsi", name: "Isak Utsi", email: "isak@example.se",
                                        phone: "0920-45 30 00", note: "note", allowSameName: true)),
                try Sample(PersonUpdate(committee: "NBE", person: person)),
                try Sample(PersonErase(committee: "NBE", id: "isak-utsi", revision: 2)),
                try Sample(WithdrawRequest(committee: "NBE", kind: .pairing, id: "a-for-b", reason: "entered by mistake",
                                           revision: 1)),
                try Sample(WithdrawnRecord(kind: .pairing, id: "a-for-b", withdrawal: withdrawal, revision: 2)),
                try Sample(withdrawal),
                try Sample(PersonDetails(person: person, appointments: [appointment], roles: [role], staff: [staff],
                                         pairings: [pairing], signingKeys: [key])),
                // Appointments, roles, staff, pairings, keys.
                try Sample(AppointmentCreate(committee: "NBE", id: "isak-utsi-2019", person: "isak-utsi", party: "lulea",
                                             kind: .ersattare, seat: 1, politicalParty: "S", mandatePeriod: period,
                                             from: day, to: day, note: "note")),
                try Sample(AppointmentUpdate(committee: "NBE", appointment: appointment)),
                try Sample(AppointmentReplace(committee: "NBE", appointment: "isak-utsi-2019", lastDay: day,
                                              successor: "anna-berg", successorName: "Anna Berg", id: "anna-berg-2019",
                                              politicalParty: "S", note: "note", revision: 1, endRoles: true)),
                try Sample(AppointmentReplacement(ended: appointment, appointment: appointment, createdPerson: person,
                                                  endedPairings: [pairing], pairings: [pairing], endedRoles: [role])),
                try Sample(RoleAssign(committee: "NBE", id: "chair-isak-utsi-2019", person: "isak-utsi", role: .viceChair,
                                      from: day, to: day)),
                try Sample(RoleUpdate(committee: "NBE", assignment: role)),
                try Sample(StaffAssign(committee: "NBE", id: "secretary-isak-utsi", person: "isak-utsi", role: .secretary,
                                       title: "nämndsekreterare", organisation: "Evado", from: day, to: day,
                                       acting: true, external: true)),
                try Sample(StaffUpdate(committee: "NBE", assignment: staff)),
                try Sample(PairingCreate(committee: "NBE", id: "a-for-b", substitute: "a-2019", ledamot: "b-2019", rank: 1,
                                         from: day, to: day)),
                try Sample(PairingUpdate(committee: "NBE", pairing: pairing)),
                try Sample(SigningKeyAdd(committee: "NBE", id: "isak-utsi-key-1", person: "isak-utsi",
                                         publicKey: String(repeating: "ab", count: 32), validFrom: day, validTo: day)),
                try Sample(SigningKeyRevoke(committee: "NBE", key: "isak-utsi-key-1", revokedOn: day, reason: "lost device")),
                try Sample(signer),
                try Sample(SignerMap(committee: "NBE", keyID: "signer-isak-utsi", person: "isak-utsi")),
                try Sample(SignerRef(keyID: "signer-isak-utsi")),
                try Sample(SignerQuery(keyID: "signer-isak-utsi", on: day)),
                try Sample(SignerIdentity(client: signer, name: "Isak Utsi", signingKeys: [key])),
                // Questions.
                try Sample(CompositionRequest(committee: "NBE", on: day)),
                try Sample(Composition(committee: "NBE", date: day, hostParty: "lulea", parties: [partyComposition],
                                       chair: member, viceChair: member, staff: [compositionStaff], vacancies: [vacancy],
                                       staffVacancies: [.coordinator])),
                try Sample(partyComposition), try Sample(member), try Sample(compositionStaff), try Sample(vacancy),
                try Sample(SubstitutesRequest(committee: "NBE", ledamot: "isak-utsi", on: day)),
                try Sample(SubstituteList(committee: "NBE", date: day, ledamot: member, candidates: [candidate])),
                try Sample(candidate),
                // Import and export.
                try Sample(ImportRequest(file: file, replaceExisting: true)),
                try Sample(ImportResult(committee: "NBE", counts: counts, replaced: true, stored: true)),
            ]
        }
    }
}
