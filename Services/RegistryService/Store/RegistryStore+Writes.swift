import KansliProtocol
import KansliStore
import RegistryAPI

extension RegistryStore {
    // MARK: Committees

    /// Stores a new committee and its notes; returns its rowid.
    func insert(_ committee: Committee) throws -> Int64 {
        try connection.execute(
            """
            INSERT INTO registry_committee (code, name, short_name, case_number_format, established_on, ended_on,
                local_political_parties, mandate_period_rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [committee.code, committee.name, committee.shortName, committee.caseNumberFormat,
             RegistryRows.text(committee.establishedOn), RegistryRows.text(committee.endedOn),
             committee.localPoliticalParties.map { $0.joined(separator: "\n") }, committee.mandatePeriodRule?.rawValue])
        let seq = connection.lastInsertRowID
        try replaceNotes(committee.notes, of: seq)
        return seq
    }

    /// Replaces every field of the committee with rowid `seq` (the code stays).
    func update(_ committee: Committee, seq: Int64) throws {
        try connection.execute(
            """
            UPDATE registry_committee SET name = ?, short_name = ?, case_number_format = ?, established_on = ?,
                ended_on = ?, local_political_parties = ?, mandate_period_rule = ? WHERE seq = ?
            """,
            [committee.name, committee.shortName, committee.caseNumberFormat,
             RegistryRows.text(committee.establishedOn), RegistryRows.text(committee.endedOn),
             committee.localPoliticalParties.map { $0.joined(separator: "\n") }, committee.mandatePeriodRule?.rawValue,
             seq])
        try replaceNotes(committee.notes, of: seq)
    }

    private func replaceNotes(_ notes: [String], of seq: Int64) throws {
        try connection.execute("DELETE FROM registry_committee_note WHERE committee_seq = ?", [seq])
        for (position, note) in notes.enumerated() {
            try connection.execute(
                "INSERT INTO registry_committee_note (committee_seq, position, text) VALUES (?, ?, ?)",
                [seq, position, note])
        }
    }

    /// Removes every record of the committee with rowid `seq` and the committee itself: only for
    /// an import that replaces a committee, inside the same transaction as the new records.
    func deleteCommittee(_ seq: Int64) throws {
        for table in ["registry_signing_key", "registry_pairing", "registry_staff", "registry_role",
                      "registry_appointment", "registry_person", "registry_yearly_key", "registry_party",
                      "registry_committee_note"] {
            try connection.execute("DELETE FROM \(table) WHERE committee_seq = ?", [seq])
        }
        try connection.execute("DELETE FROM registry_committee WHERE seq = ?", [seq])
    }

    /// Stores a whole committee (already checked) in dependency order; returns its rowid.
    func insertAll(_ file: CommitteeFile) throws -> Int64 {
        let seq = try insert(file.committee)
        for party in file.parties { try insert(party, committee: seq) }
        for person in file.persons { try insert(person, committee: seq) }
        for key in file.yearlyKeys { try upsert(key, committee: seq) }
        for appointment in file.appointments { try insert(appointment, committee: seq) }
        for role in file.roles { try insert(role, committee: seq) }
        for staff in file.staff { try insert(staff, committee: seq) }
        for pairing in file.pairings { try insert(pairing, committee: seq) }
        for key in file.signingKeys { try insert(key, committee: seq) }
        return seq
    }

    // MARK: Parties and yearly keys

    /// Stores a new party.
    func insert(_ party: Party, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_party (committee_seq, code, name, kind, organisation_number, is_host, joined_on,
                left_on, member_seats, substitute_seats, invoice_address_lines, invoice_postal_code, invoice_city,
                buyer_reference, peppol_id, bankgiro, note, invoice_invented, revision, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [seq, party.code] + partyFields(party) + stampFields(party.revision))
    }

    /// Replaces every field of a stored party, found by its code.
    func update(_ party: Party, committee seq: Int64) throws {
        try connection.execute(
            """
            UPDATE registry_party SET name = ?, kind = ?, organisation_number = ?, is_host = ?, joined_on = ?,
                left_on = ?, member_seats = ?, substitute_seats = ?, invoice_address_lines = ?,
                invoice_postal_code = ?, invoice_city = ?, buyer_reference = ?, peppol_id = ?, bankgiro = ?, note = ?,
                invoice_invented = ?, revision = ?, changed_by = ?, changed_at = ?
            WHERE committee_seq = ? AND code = ?
            """,
            partyFields(party) + stampFields(party.revision) + [seq, party.code])
        try expectOneChange("party", party.code)
    }

    private func partyFields(_ party: Party) -> [any DatabaseValueConvertible] {
        let address = party.invoicing.address
        return [party.name, party.kind.rawValue, party.organisationNumber, party.isHost,
                party.joinedOn.description, RegistryRows.text(party.leftOn), party.memberSeats, party.substituteSeats,
                address.map { $0.lines.joined(separator: "\n") }, address?.postalCode, address?.city,
                party.invoicing.buyerReference, party.invoicing.peppolID, party.invoicing.bankgiro, party.note,
                party.invoicing.invented.map { $0.map(\.rawValue).joined(separator: ",") }]
    }

    /// Stores a yearly key figure, replacing the one for the same party, key and year.
    func upsert(_ key: YearlyKey, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_yearly_key (committee_seq, party_code, kind, year, value, reference_date, source,
                illustrative)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (committee_seq, party_code, kind, year) DO UPDATE SET value = excluded.value,
                reference_date = excluded.reference_date, source = excluded.source,
                illustrative = excluded.illustrative
            """,
            [seq, key.party, key.kind.rawValue, key.year, key.value, key.referenceDate.description, key.source,
             key.illustrative])
    }

    // MARK: Persons and appointments

    /// Stores a new person.
    func insert(_ person: Person, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_person (committee_seq, id, name, email, phone, note, left_on, erased_on, revision,
                changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [seq, person.id, person.name, person.email, person.phone, person.note, RegistryRows.text(person.leftOn),
             RegistryRows.text(person.erasedOn)] + stampFields(person.revision))
    }

    /// Replaces every field of a stored person, found by id.
    func update(_ person: Person, committee seq: Int64) throws {
        try connection.execute(
            """
            UPDATE registry_person SET name = ?, email = ?, phone = ?, note = ?, left_on = ?, erased_on = ?,
                revision = ?, changed_by = ?, changed_at = ?
            WHERE committee_seq = ? AND id = ?
            """,
            [person.name, person.email, person.phone, person.note, RegistryRows.text(person.leftOn),
             RegistryRows.text(person.erasedOn)] + stampFields(person.revision) + [seq, person.id])
        try expectOneChange("person", person.id)
    }

    /// Stores a new appointment.
    func insert(_ appointment: Appointment, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_appointment (committee_seq, id, person_id, party_code, kind, seat, political_party,
                mandate_period, from_on, to_on, note, withdrawn_on, withdrawal_reason, revision, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [seq, appointment.id] + appointmentFields(appointment) + stampFields(appointment.revision))
    }

    /// Replaces every field of a stored appointment, found by id.
    func update(_ appointment: Appointment, committee seq: Int64) throws {
        try connection.execute(
            """
            UPDATE registry_appointment SET person_id = ?, party_code = ?, kind = ?, seat = ?, political_party = ?,
                mandate_period = ?, from_on = ?, to_on = ?, note = ?, withdrawn_on = ?, withdrawal_reason = ?,
                revision = ?, changed_by = ?, changed_at = ?
            WHERE committee_seq = ? AND id = ?
            """,
            appointmentFields(appointment) + stampFields(appointment.revision) + [seq, appointment.id])
        try expectOneChange("appointment", appointment.id)
    }

    private func appointmentFields(_ appointment: Appointment) -> [any DatabaseValueConvertible] {
        [appointment.person, appointment.party, appointment.kind.rawValue, appointment.seat,
         appointment.politicalParty, appointment.mandatePeriod.description, appointment.from.description,
         appointment.to.description, appointment.note] + RegistryRows.fields(appointment.withdrawn)
    }

    // MARK: Roles, staff, pairings, keys

    /// Stores a new role assignment.
    func insert(_ role: RoleAssignment, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_role (committee_seq, id, person_id, role, from_on, to_on, withdrawn_on,
                withdrawal_reason, revision, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [seq, role.id, role.person, role.role.rawValue, role.from.description, role.to.description]
                + RegistryRows.fields(role.withdrawn) + stampFields(role.revision))
    }

    /// Replaces every field of a stored role assignment, found by id.
    func update(_ role: RoleAssignment, committee seq: Int64) throws {
        try connection.execute(
            """
            UPDATE registry_role SET person_id = ?, role = ?, from_on = ?, to_on = ?, withdrawn_on = ?,
                withdrawal_reason = ?, revision = ?, changed_by = ?, changed_at = ?
            WHERE committee_seq = ? AND id = ?
            """,
            [role.person, role.role.rawValue, role.from.description, role.to.description]
                + RegistryRows.fields(role.withdrawn) + stampFields(role.revision) + [seq, role.id])
        try expectOneChange("role assignment", role.id)
    }

    /// Stores a new staff assignment.
    func insert(_ staff: StaffAssignment, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_staff (committee_seq, id, person_id, role, title, organisation, from_on, to_on,
                withdrawn_on, withdrawal_reason, revision, changed_by, changed_at, acting, external)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [seq, staff.id, staff.person, staff.role.rawValue, staff.title, staff.organisation,
             staff.from.description, RegistryRows.text(staff.to)] + RegistryRows.fields(staff.withdrawn)
                + stampFields(staff.revision) + [staff.acting, staff.external])
    }

    /// Replaces every field of a stored staff assignment, found by id.
    func update(_ staff: StaffAssignment, committee seq: Int64) throws {
        try connection.execute(
            """
            UPDATE registry_staff SET person_id = ?, role = ?, title = ?, organisation = ?, from_on = ?, to_on = ?,
                withdrawn_on = ?, withdrawal_reason = ?, revision = ?, changed_by = ?, changed_at = ?, acting = ?,
                external = ?
            WHERE committee_seq = ? AND id = ?
            """,
            [staff.person, staff.role.rawValue, staff.title, staff.organisation, staff.from.description,
             RegistryRows.text(staff.to)] + RegistryRows.fields(staff.withdrawn) + stampFields(staff.revision)
                + [staff.acting, staff.external, seq, staff.id])
        try expectOneChange("staff assignment", staff.id)
    }

    /// Stores a new pairing.
    func insert(_ pairing: SubstitutePairing, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_pairing (committee_seq, id, substitute_id, ledamot_id, rank, from_on, to_on,
                withdrawn_on, withdrawal_reason, revision, changed_by, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [seq, pairing.id, pairing.substitute, pairing.ledamot, pairing.rank, pairing.from.description,
             pairing.to.description] + RegistryRows.fields(pairing.withdrawn) + stampFields(pairing.revision))
    }

    /// Replaces every field of a stored pairing, found by id.
    func update(_ pairing: SubstitutePairing, committee seq: Int64) throws {
        try connection.execute(
            """
            UPDATE registry_pairing SET substitute_id = ?, ledamot_id = ?, rank = ?, from_on = ?, to_on = ?,
                withdrawn_on = ?, withdrawal_reason = ?, revision = ?, changed_by = ?, changed_at = ?
            WHERE committee_seq = ? AND id = ?
            """,
            [pairing.substitute, pairing.ledamot, pairing.rank, pairing.from.description, pairing.to.description]
                + RegistryRows.fields(pairing.withdrawn) + stampFields(pairing.revision) + [seq, pairing.id])
        try expectOneChange("pairing", pairing.id)
    }

    /// Stores a new signing key.
    func insert(_ key: SigningKey, committee seq: Int64) throws {
        try connection.execute(
            """
            INSERT INTO registry_signing_key (committee_seq, id, person_id, public_key, valid_from, valid_to,
                revoked_on, revocation_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [seq, key.id, key.person, key.publicKey, key.validFrom.description, RegistryRows.text(key.validTo),
             RegistryRows.text(key.revokedOn), key.revocationReason])
    }

    /// Records a key's revocation (the only change a key ever undergoes).
    func revoke(_ key: SigningKey, committee seq: Int64) throws {
        try connection.execute(
            "UPDATE registry_signing_key SET revoked_on = ?, revocation_reason = ? WHERE committee_seq = ? AND id = ?",
            [RegistryRows.text(key.revokedOn), key.revocationReason, seq, key.id])
        try expectOneChange("signing key", key.id)
    }

    /// The `revision, changed_by, changed_at` arguments of a record stored at `revision` (1 for a
    /// record that has none yet) by this store's request.
    private func stampFields(_ revision: Int?) -> [any DatabaseValueConvertible] {
        [revision ?? 1, stamp?.keyID, stamp?.at]
    }

    /// Who stored the current revision of the record with `id` (a `code` for a party) of the
    /// committee with rowid `seq` in `table` (one of `RegistrySchema.revisedTables`), and when: nil
    /// for each that is not known (records stored before migration 4).
    func lastChange(in table: String, committee seq: Int64, id: String) throws -> (keyID: String?, at: String?) {
        let idColumn = table == "registry_party" ? "code" : "id"
        guard let row = try connection.queryOne(
            "SELECT changed_by, changed_at FROM \(table) WHERE committee_seq = ? AND \(idColumn) = ?", [seq, id])
        else { return (nil, nil) }
        return (try row.get(0), try row.get(1))
    }

    private func expectOneChange(_ kind: String, _ id: String) throws {
        guard connection.changes == 1 else {
            throw ServiceError(.internal,
                               "updating \(kind) \(ServiceError.quote(id)) changed \(connection.changes) rows, not 1")
        }
    }
}
