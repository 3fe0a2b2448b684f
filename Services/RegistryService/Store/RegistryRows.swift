import KansliProtocol
import KansliStore
import RegistryAPI

/// Turns rows of the registry's tables into records, and records into the argument lists of the
/// statements that store them. A value the schema should have prevented (an unknown kind, a
/// malformed date) is an `internal` error naming the column.
enum RegistryRows {
    // MARK: Reading

    static func committee(_ row: Row, notes: [String]) throws -> Committee {
        Committee(code: try row.get("code"), name: try row.get("name"), shortName: try row.get("short_name"),
                  caseNumberFormat: try row.get("case_number_format"),
                  establishedOn: try optionalDate(row, "established_on"), endedOn: try optionalDate(row, "ended_on"),
                  notes: notes)
    }

    static func party(_ row: Row) throws -> Party {
        var address: PostalAddress?
        if let postalCode = try row.get("invoice_postal_code", as: String?.self) {
            let lines = try row.get("invoice_address_lines", as: String?.self) ?? ""
            address = PostalAddress(lines: lines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                    postalCode: postalCode, city: try row.get("invoice_city", as: String?.self) ?? "")
        }
        return Party(
            code: try row.get("code"), name: try row.get("name"), kind: try enumeration(row, "kind"),
            organisationNumber: try row.get("organisation_number"), isHost: try row.get("is_host"),
            joinedOn: try date(row, "joined_on"), leftOn: try optionalDate(row, "left_on"),
            memberSeats: try row.get("member_seats"), substituteSeats: try row.get("substitute_seats"),
            invoicing: InvoiceDetails(address: address, buyerReference: try row.get("buyer_reference"),
                                      peppolID: try row.get("peppol_id"), bankgiro: try row.get("bankgiro")),
            note: try row.get("note"))
    }

    static func yearlyKey(_ row: Row) throws -> YearlyKey {
        YearlyKey(party: try row.get("party_code"), kind: try enumeration(row, "kind"), year: try row.get("year"),
                  value: try row.get("value"), referenceDate: try date(row, "reference_date"),
                  source: try row.get("source"), illustrative: try row.get("illustrative"))
    }

    static func person(_ row: Row) throws -> Person {
        Person(id: try row.get("id"), name: try row.get("name"), email: try row.get("email"),
               phone: try row.get("phone"), note: try row.get("note"))
    }

    static func appointment(_ row: Row) throws -> Appointment {
        let periodText: String = try row.get("mandate_period")
        guard let period = MandatePeriod(periodText) else {
            throw ServiceError(.internal, "stored mandate_period \"\(periodText)\" is malformed")
        }
        return Appointment(
            id: try row.get("id"), person: try row.get("person_id"), party: try row.get("party_code"),
            kind: try enumeration(row, "kind"), seat: try row.get("seat"), politicalParty: try row.get("political_party"),
            mandatePeriod: period, from: try date(row, "from_on"), to: try date(row, "to_on"), note: try row.get("note"))
    }

    static func role(_ row: Row) throws -> RoleAssignment {
        RoleAssignment(id: try row.get("id"), person: try row.get("person_id"), role: try enumeration(row, "role"),
                       from: try date(row, "from_on"), to: try date(row, "to_on"))
    }

    static func staff(_ row: Row) throws -> StaffAssignment {
        StaffAssignment(id: try row.get("id"), person: try row.get("person_id"), role: try enumeration(row, "role"),
                        title: try row.get("title"), organisation: try row.get("organisation"),
                        from: try date(row, "from_on"), to: try optionalDate(row, "to_on"))
    }

    static func pairing(_ row: Row) throws -> SubstitutePairing {
        SubstitutePairing(id: try row.get("id"), substitute: try row.get("substitute_id"),
                          ledamot: try row.get("ledamot_id"), rank: try row.get("rank"),
                          from: try date(row, "from_on"), to: try date(row, "to_on"))
    }

    static func signingKey(_ row: Row) throws -> SigningKey {
        SigningKey(id: try row.get("id"), person: try row.get("person_id"), publicKey: try row.get("public_key"),
                   validFrom: try date(row, "valid_from"), validTo: try optionalDate(row, "valid_to"),
                   revokedOn: try optionalDate(row, "revoked_on"), revocationReason: try row.get("revocation_reason"))
    }

    static func date(_ row: Row, _ column: String) throws -> CalendarDate {
        let text: String = try row.get(column)
        guard let date = CalendarDate(text) else {
            throw ServiceError(.internal, "stored \(column) \"\(text)\" is not a yyyy-MM-dd date")
        }
        return date
    }

    static func optionalDate(_ row: Row, _ column: String) throws -> CalendarDate? {
        guard let text = try row.get(column, as: String?.self) else { return nil }
        guard let date = CalendarDate(text) else {
            throw ServiceError(.internal, "stored \(column) \"\(text)\" is not a yyyy-MM-dd date")
        }
        return date
    }

    static func enumeration<T: RawRepresentable>(_ row: Row, _ column: String) throws -> T where T.RawValue == String {
        let text: String = try row.get(column)
        guard let value = T(rawValue: text) else {
            throw ServiceError(.internal, "stored \(column) \"\(text)\" is not a known value")
        }
        return value
    }

    // MARK: Writing

    /// The text of an optional date, NULL when nil.
    static func text(_ date: CalendarDate?) -> String? { date?.description }
}
