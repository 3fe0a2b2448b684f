import KansliProtocol
import RegistryAPI
import RegistryService
import Testing

/// How the handlers answer a reference that names no record, through the runtime: a malformed
/// committee code or id is `validation` naming the field (PROTOCOL §6.1), a well-formed one that
/// names nothing is `not_found` quoting it, and neither repeats more than a short quote of the
/// client's input — a 1 MiB value must not come back as a 1 MiB message, which a reader that
/// enforces the protocol's string limit would refuse.
@Suite("Registry lookups: malformed references and bounded messages")
struct RegistryHandlersTests {
    /// One MiB, the protocol's longest string (`maxStringByteCount`): the largest value a client
    /// can send in one field.
    static let huge = 1 << 20
    /// A committee code of 1 MiB: well-formed in its letters, far over the 16-character limit.
    static let hugeCode = String(repeating: "N", count: huge)
    /// An id of 1 MiB, lower-case letters only.
    static let hugeID = String(repeating: "a", count: huge)
    /// The bound the issue sets on any error message here, in UTF-8 bytes.
    static let messageBound = 300

    /// Expects `validation` at `field` with a message under `messageBound` bytes that says which
    /// format was broken.
    static func expectBoundedValidation(field: String, mentioning format: String,
                                        sourceLocation: SourceLocation = #_sourceLocation,
                                        _ body: () throws -> Void) {
        let error = expectServiceError(.validation, field: field, sourceLocation: sourceLocation, body)
        guard let error else { return }
        #expect(error.message.utf8.count < messageBound, "\(error.message.utf8.count) bytes",
                sourceLocation: sourceLocation)
        #expect(error.message.contains(format), "\(error.message.prefix(300))", sourceLocation: sourceLocation)
    }

    @Test("A 1 MiB committee code in get, update and end is validation naming the committee, in a short message")
    func hugeCommitteeCode() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let code = Self.hugeCode
        let day = Fixtures.day("2022-12-31")
        let format = "is not a valid committee code"
        Self.expectBoundedValidation(field: "committee", mentioning: format) {
            _ = try host.call(RegistryMethods.committeeGet, CommitteeRef(committee: code))
        }
        Self.expectBoundedValidation(field: "committee", mentioning: format) {
            _ = try host.call(RegistryMethods.partyGet, RecordRef(committee: code, id: "lulea"))
        }
        Self.expectBoundedValidation(field: "committee", mentioning: format) {
            _ = try host.call(RegistryMethods.appointmentEnd,
                              EndRequest(committee: code, id: "isak-utsi-2019", lastDay: day))
        }
        Self.expectBoundedValidation(field: "committee", mentioning: format) {
            _ = try host.call(RegistryMethods.committeeEnd, CommitteeEnd(committee: code, lastDay: day))
        }
        let boden = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: "boden"))
        Self.expectBoundedValidation(field: "committee", mentioning: format) {
            _ = try host.call(RegistryMethods.partyUpdate, PartyUpdate(committee: code, party: boden))
        }
        var committee = try host.call(RegistryMethods.committeeGet, CommitteeRef(committee: "NBE")).committee
        committee.code = code
        Self.expectBoundedValidation(field: "committee.code", mentioning: format) {
            _ = try host.call(RegistryMethods.committeeUpdate, CommitteeUpdate(committee: committee))
        }
        Self.expectBoundedValidation(field: "committee", mentioning: format) {
            _ = try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: code))
        }
        Self.expectBoundedValidation(field: "committee", mentioning: format) {
            _ = try host.call(RegistryMethods.composition, CompositionRequest(committee: code, on: day))
        }
    }

    @Test("A 1 MiB id in get, update and end is validation naming the id, in a short message")
    func hugeID() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let id = Self.hugeID
        let day = Fixtures.day("2022-12-31")
        let format = "is not a valid id"
        Self.expectBoundedValidation(field: "id", mentioning: format) {
            _ = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: id))
        }
        Self.expectBoundedValidation(field: "id", mentioning: format) {
            _ = try host.call(RegistryMethods.appointmentGet, RecordRef(committee: "NBE", id: id))
        }
        Self.expectBoundedValidation(field: "id", mentioning: format) {
            _ = try host.call(RegistryMethods.partyEnd, EndRequest(committee: "NBE", id: id, lastDay: day))
        }
        Self.expectBoundedValidation(field: "id", mentioning: format) {
            _ = try host.call(RegistryMethods.pairingEnd, EndRequest(committee: "NBE", id: id, lastDay: day))
        }
        var person = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "isak-utsi")).person
        person.id = id
        Self.expectBoundedValidation(field: "person.id", mentioning: format) {
            _ = try host.call(RegistryMethods.personUpdate, PersonUpdate(committee: "NBE", person: person))
        }
        var seat = try host.call(RegistryMethods.appointmentGet, RecordRef(committee: "NBE", id: "isak-utsi-2019"))
        seat.id = id
        Self.expectBoundedValidation(field: "appointment.id", mentioning: format) {
            _ = try host.call(RegistryMethods.appointmentUpdate, AppointmentUpdate(committee: "NBE", appointment: seat))
        }
        Self.expectBoundedValidation(field: "key", mentioning: format) {
            _ = try host.call(RegistryMethods.signingKeyRevoke, SigningKeyRevoke(
                committee: "NBE", key: id, revokedOn: day, reason: "lost"))
        }
    }

    @Test("A 1 MiB reference inside a create, a list filter or a substitutes request is validation, in a short message")
    func hugeReferences() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let id = Self.hugeID
        let format = "is not a valid id"
        Self.expectBoundedValidation(field: "person", mentioning: format) {
            _ = try host.call(RegistryMethods.appointmentCreate, AppointmentCreate(
                committee: "NBE", person: id, party: "kiruna", kind: .ledamot, politicalParty: "S",
                mandatePeriod: MandatePeriod("2023-2026")!))
        }
        Self.expectBoundedValidation(field: "substitute", mentioning: format) {
            _ = try host.call(RegistryMethods.pairingCreate, PairingCreate(committee: "NBE", substitute: id,
                                                                           ledamot: "lena-goldkuhl-2019"))
        }
        Self.expectBoundedValidation(field: "party", mentioning: format) {
            _ = try host.call(RegistryMethods.appointmentList, ListRequest(committee: "NBE", party: id))
        }
        Self.expectBoundedValidation(field: "ledamot", mentioning: format) {
            _ = try host.call(RegistryMethods.substitutes, SubstitutesRequest(
                committee: "NBE", ledamot: id, on: Fixtures.day("2022-06-22")))
        }
    }

    @Test("An imported file whose committee code is 1 MiB is validation at file.committee.code, in a short message")
    func hugeImportedCode() throws {
        let host = try RegistryTestHost()
        var file = try Fixtures.norrbotten()
        file.committee.code = Self.hugeCode
        Self.expectBoundedValidation(field: "file.committee.code", mentioning: "is not a valid committee code") {
            try host.importShipped(file)
        }
    }

    @Test("A malformed committee code (\"nbe!\") is validation naming committee, not not_found", arguments: [
        "nbe!", "N", "NBE\u{0}", "1NBE", "",
    ])
    func malformedCommitteeCode(_ code: String) throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let error = expectServiceError(.validation, field: "committee") {
            _ = try host.call(RegistryMethods.partyGet, RecordRef(committee: code, id: "lulea"))
        }
        #expect(error?.message == "\(ServiceError.quote(code)) is not a valid committee code: use 2–16 upper-case "
            + "letters A–Z, digits and hyphens, starting with a letter, e.g. NBE")
        expectServiceError(.validation, field: "committee") {
            _ = try host.call(RegistryMethods.partyList, ListRequest(committee: code))
        }
    }

    @Test("A malformed id (\"Isak Utsi\"), filter or ledamot is validation naming it, before the committee is looked up")
    func malformedID() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let error = expectServiceError(.validation, field: "id") {
            _ = try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "Isak Utsi"))
        }
        #expect(error?.message.hasPrefix("the person id \"Isak Utsi\" is not a valid id") == true)
        // The committee does not exist, but the id's form is checked without looking.
        expectServiceError(.validation, field: "id") {
            _ = try host.call(RegistryMethods.personGet, RecordRef(committee: "XYZ", id: "isak-utsi!"))
        }
        expectServiceError(.validation, field: "party") {
            _ = try host.call(RegistryMethods.appointmentList, ListRequest(committee: "XYZ", party: "Luleå"))
        }
        expectServiceError(.validation, field: "ledamot") {
            _ = try host.call(RegistryMethods.substitutes, SubstitutesRequest(
                committee: "XYZ", ledamot: "lena goldkuhl", on: Fixtures.day("2022-06-22")))
        }
    }

    @Test("A well-formed code or id that names nothing is still not_found, quoting it whole")
    func wellFormedUnknownIsNotFound() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        #expect(throws: ServiceError.notFound("there is no committee \"XYZ\"", field: "committee")) {
            try host.call(RegistryMethods.partyGet, RecordRef(committee: "XYZ", id: "lulea"))
        }
        #expect(throws: ServiceError.notFound("there is no committee \"GNS\"", field: "committee")) {
            try host.call(RegistryMethods.exportCommittee, CommitteeRef(committee: "GNS"))
        }
        #expect(throws: ServiceError.notFound("NBE has no person \"lena-goldkuhl-2019\"", field: "id")) {
            try host.call(RegistryMethods.personGet, RecordRef(committee: "NBE", id: "lena-goldkuhl-2019"))
        }
        #expect(throws: ServiceError.notFound("NBE has no appointment \"isak-utsi-2023\"", field: "id")) {
            try host.call(RegistryMethods.appointmentEnd, EndRequest(committee: "NBE", id: "isak-utsi-2023",
                                                                     lastDay: Fixtures.day("2023-12-31")))
        }
    }

    @Test("A well-formed id of the longest length that names nothing is not_found, quoted shortened")
    func longestUnknownIDIsShortened() throws {
        let host = try RegistryTestHost()
        try host.importShipped(Fixtures.norrbotten())
        let id = String(repeating: "x", count: RecordID.maxLength)
        let error = expectServiceError(.notFound, field: "id") {
            _ = try host.call(RegistryMethods.partyGet, RecordRef(committee: "NBE", id: id))
        }
        #expect(error?.message == "NBE has no party \"\(String(repeating: "x", count: ServiceError.quoteLimit))…\"")
    }
}
