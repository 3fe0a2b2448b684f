import KansliProtocol
import KansliStore
import RegistryAPI

/// Turns rows of the registry's tables into records, and records into the argument lists of the
/// statements that store them. A value the schema should have prevented (an unknown kind, a
/// malformed date) is an `internal` error naming the column.
///
/// Each reader comes with the list of columns it reads (`…Columns`), which is the SELECT list of
/// the query that feeds it, and reads them by position in that order with a `ColumnReader`:
/// looking every value up by name cost more than the rest of decoding a row.
enum RegistryRows {
    // MARK: Reading

    /// The columns `committee(_:notes:)` reads, in order.
    static let committeeColumns = """
        code, name, short_name, case_number_format, established_on, ended_on, local_political_parties, \
        mandate_period_rule
        """

    static func committee(_ row: Row, notes: [String]) throws -> Committee {
        var column = ColumnReader(row)
        let code: String = try column.next("code")
        let name: String = try column.next("name")
        let shortName: String = try column.next("short_name")
        let caseNumberFormat: String = try column.next("case_number_format")
        let establishedOn = try column.optionalDate("established_on")
        let endedOn = try column.optionalDate("ended_on")
        let local: String? = try column.next("local_political_parties")
        let ruleText: String? = try column.next("mandate_period_rule")
        var rule: MandatePeriodRule?
        if let ruleText {
            guard let parsed = MandatePeriodRule(rawValue: ruleText) else {
                throw ServiceError(.internal, "stored mandate_period_rule \(ServiceError.quote(ruleText)) is not a known value")
            }
            rule = parsed
        }
        return Committee(code: code, name: name, shortName: shortName, caseNumberFormat: caseNumberFormat,
                         establishedOn: establishedOn, endedOn: endedOn, notes: notes,
                         localPoliticalParties: local.map { $0.split(separator: "\n").map(String.init) },
                         mandatePeriodRule: rule)
    }

    /// The columns `party(_:)` reads, in order.
    static let partyColumns = """
        code, name, kind, organisation_number, is_host, joined_on, left_on, member_seats, substitute_seats, \
        invoice_address_lines, invoice_postal_code, invoice_city, buyer_reference, peppol_id, bankgiro, note, \
        revision, invoice_invented
        """

    static func party(_ row: Row) throws -> Party {
        var column = ColumnReader(row)
        let code: String = try column.next("code")
        let name: String = try column.next("name")
        let kind: PartyKind = try column.enumeration("kind")
        let organisationNumber: String = try column.next("organisation_number")
        let isHost: Bool = try column.next("is_host")
        let joinedOn = try column.date("joined_on")
        let leftOn = try column.optionalDate("left_on")
        let memberSeats: Int = try column.next("member_seats")
        let substituteSeats: Int = try column.next("substitute_seats")
        let addressLines: String? = try column.next("invoice_address_lines")
        let postalCode: String? = try column.next("invoice_postal_code")
        let city: String? = try column.next("invoice_city")
        var address: PostalAddress?
        if let postalCode {
            address = PostalAddress(
                lines: (addressLines ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                postalCode: postalCode, city: city ?? "")
        }
        var invoicing = InvoiceDetails(address: address, buyerReference: try column.next("buyer_reference"),
                                       peppolID: try column.next("peppol_id"), bankgiro: try column.next("bankgiro"))
        let note: String? = try column.next("note")
        let revision: Int? = try column.next("revision")
        invoicing.invented = try inventedFields(column.next("invoice_invented"))
        return Party(code: code, name: name, kind: kind, organisationNumber: organisationNumber, isHost: isHost,
                     joinedOn: joinedOn, leftOn: leftOn, memberSeats: memberSeats, substituteSeats: substituteSeats,
                     invoicing: invoicing, note: note, revision: revision)
    }

    /// `invoice_invented` as stored: field names separated by commas, or NULL.
    static func inventedFields(_ text: String?) throws(ServiceError) -> [InvoiceField]? {
        guard let text else { return nil }
        var fields: [InvoiceField] = []
        for name in text.split(separator: ",") {
            guard let field = InvoiceField(rawValue: String(name)) else {
                throw ServiceError(.internal, "stored invoice_invented \(ServiceError.quote(name)) is not a known value")
            }
            fields.append(field)
        }
        return fields
    }

    /// The columns `yearlyKey(_:)` reads, in order.
    static let yearlyKeyColumns = "party_code, kind, year, value, reference_date, source, illustrative"

    static func yearlyKey(_ row: Row) throws -> YearlyKey {
        var column = ColumnReader(row)
        let party: String = try column.next("party_code")
        let kind: KeyKind = try column.enumeration("kind")
        let year: Int = try column.next("year")
        let value: Int64 = try column.next("value")
        let referenceDate = try column.date("reference_date")
        let source: String = try column.next("source")
        return YearlyKey(party: party, kind: kind, year: year, value: value, referenceDate: referenceDate,
                         source: source, illustrative: try column.next("illustrative"))
    }

    /// The columns `person(_:)` reads, in order.
    static let personColumns = "id, name, email, phone, note, left_on, erased_on, revision"

    static func person(_ row: Row) throws -> Person {
        var column = ColumnReader(row)
        let id: String = try column.next("id")
        let name: String = try column.next("name")
        let email: String? = try column.next("email")
        let phone: String? = try column.next("phone")
        let note: String? = try column.next("note")
        let leftOn = try column.optionalDate("left_on")
        let erasedOn = try column.optionalDate("erased_on")
        return Person(id: id, name: name, email: email, phone: phone, note: note, leftOn: leftOn, erasedOn: erasedOn,
                      revision: try column.next("revision"))
    }

    /// The columns `appointment(_:)` reads, in order.
    static let appointmentColumns = """
        id, person_id, party_code, kind, seat, political_party, mandate_period, from_on, to_on, note, withdrawn_on, \
        withdrawal_reason, revision
        """

    static func appointment(_ row: Row) throws -> Appointment {
        var column = ColumnReader(row)
        let id: String = try column.next("id")
        let person: String = try column.next("person_id")
        let party: String = try column.next("party_code")
        let kind: AppointmentKind = try column.enumeration("kind")
        let seat: Int = try column.next("seat")
        let politicalParty: String = try column.next("political_party")
        let period = try column.mandatePeriod("mandate_period")
        let from = try column.date("from_on")
        let to = try column.date("to_on")
        return Appointment(id: id, person: person, party: party, kind: kind, seat: seat,
                           politicalParty: politicalParty, mandatePeriod: period, from: from, to: to,
                           note: try column.next("note"), withdrawn: try column.withdrawal(),
                           revision: try column.next("revision"))
    }

    /// The columns `role(_:)` reads, in order.
    static let roleColumns = "id, person_id, role, from_on, to_on, withdrawn_on, withdrawal_reason, revision"

    static func role(_ row: Row) throws -> RoleAssignment {
        var column = ColumnReader(row)
        let id: String = try column.next("id")
        let person: String = try column.next("person_id")
        let role: CommitteeRole = try column.enumeration("role")
        let from = try column.date("from_on")
        let to = try column.date("to_on")
        return RoleAssignment(id: id, person: person, role: role, from: from, to: to, withdrawn: try column.withdrawal(),
                              revision: try column.next("revision"))
    }

    /// The columns `staff(_:)` reads, in order.
    static let staffColumns = """
        id, person_id, role, title, organisation, from_on, to_on, withdrawn_on, withdrawal_reason, revision, acting, \
        external
        """

    static func staff(_ row: Row) throws -> StaffAssignment {
        var column = ColumnReader(row)
        let id: String = try column.next("id")
        let person: String = try column.next("person_id")
        let role: StaffRole = try column.enumeration("role")
        let title: String? = try column.next("title")
        let organisation: String? = try column.next("organisation")
        let from = try column.date("from_on")
        let to = try column.optionalDate("to_on")
        let withdrawn = try column.withdrawal()
        let revision: Int? = try column.next("revision")
        return StaffAssignment(id: id, person: person, role: role, title: title, organisation: organisation,
                               from: from, to: to, withdrawn: withdrawn, revision: revision,
                               acting: try column.next("acting"), external: try column.next("external"))
    }

    /// The columns `pairing(_:)` reads, in order.
    static let pairingColumns = """
        id, substitute_id, ledamot_id, rank, from_on, to_on, withdrawn_on, withdrawal_reason, revision
        """

    static func pairing(_ row: Row) throws -> SubstitutePairing {
        var column = ColumnReader(row)
        let id: String = try column.next("id")
        let substitute: String = try column.next("substitute_id")
        let ledamot: String? = try column.next("ledamot_id")
        let rank: Int? = try column.next("rank")
        let from = try column.date("from_on")
        return SubstitutePairing(id: id, substitute: substitute, ledamot: ledamot, rank: rank, from: from,
                                 to: try column.date("to_on"), withdrawn: try column.withdrawal(),
                                 revision: try column.next("revision"))
    }

    /// The columns `signingKey(_:)` reads, in order.
    static let signingKeyColumns = "id, person_id, public_key, valid_from, valid_to, revoked_on, revocation_reason"

    static func signingKey(_ row: Row) throws -> SigningKey {
        var column = ColumnReader(row)
        let id: String = try column.next("id")
        let person: String = try column.next("person_id")
        let publicKey: String = try column.next("public_key")
        let validFrom = try column.date("valid_from")
        let validTo = try column.optionalDate("valid_to")
        let revokedOn = try column.optionalDate("revoked_on")
        return SigningKey(id: id, person: person, publicKey: publicKey, validFrom: validFrom, validTo: validTo,
                          revokedOn: revokedOn, revocationReason: try column.next("revocation_reason"))
    }

    // MARK: Writing

    /// The text of an optional date, NULL when nil.
    static func text(_ date: CalendarDate?) -> String? { date?.description }

    /// The `withdrawn_on, withdrawal_reason` arguments of a record withdrawn as `withdrawal`.
    static func fields(_ withdrawal: Withdrawal?) -> [any DatabaseValueConvertible] {
        [text(withdrawal?.on), withdrawal?.reason]
    }
}
