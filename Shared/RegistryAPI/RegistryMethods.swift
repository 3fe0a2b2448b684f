import KansliProtocol

/// Every method `kansli-registry` answers, with its stable id (0x0100…0x01FF), its dotted name
/// and the role it needs: reads need `read`, changes `write`, a whole-committee import `admin`.
///
/// Ids are grouped by record kind, sixteen per kind: `+0` create, `+1` update, `+2` end, `+3` get,
/// `+4` list. Once published an id never changes meaning.
public enum RegistryMethods {
    // MARK: Committees 0x0100

    /// Creates a committee.
    public static let committeeCreate = Method<CommitteeCreate, Committee>(
        id: 0x0100, name: "registry.committee.create", access: .write, roles: .writers)
    /// Replaces a committee's fields.
    public static let committeeUpdate = Method<CommitteeUpdate, Committee>(
        id: 0x0101, name: "registry.committee.update", access: .write, roles: .writers)
    /// Winds a committee up after a day.
    public static let committeeEnd = Method<CommitteeEnd, Committee>(
        id: 0x0102, name: "registry.committee.end", access: .write, roles: .writers)
    /// One committee with its host and counts.
    public static let committeeGet = Method<CommitteeRef, CommitteeOverview>(
        id: 0x0103, name: "registry.committee.get", access: .read, roles: .readers)
    /// Every committee of the deployment, by code.
    public static let committeeList = Method<Empty, [CommitteeOverview]>(
        id: 0x0104, name: "registry.committee.list", access: .read, roles: .readers)

    // MARK: Parties 0x0110

    /// Adds a party to a committee.
    public static let partyAdd = Method<PartyAdd, Party>(
        id: 0x0110, name: "registry.party.add", access: .write, roles: .writers)
    /// Replaces a party's fields.
    public static let partyUpdate = Method<PartyUpdate, Party>(
        id: 0x0111, name: "registry.party.update", access: .write, roles: .writers)
    /// Records a party's last day of membership.
    public static let partyEnd = Method<EndRequest, Party>(
        id: 0x0112, name: "registry.party.end", access: .write, roles: .writers)
    /// One party.
    public static let partyGet = Method<RecordRef, Party>(
        id: 0x0113, name: "registry.party.get", access: .read, roles: .readers)
    /// The parties of a committee; filter `on` (members that day).
    public static let partyList = Method<ListRequest, [Party]>(
        id: 0x0114, name: "registry.party.list", access: .read, roles: .readers)

    // MARK: Yearly keys 0x0120

    /// Sets one party's figure of one key for one year.
    public static let yearlyKeySet = Method<YearlyKeySet, YearlyKey>(
        id: 0x0120, name: "registry.yearlykey.set", access: .write, roles: .writers)
    /// The figures of a committee; filter `party`.
    public static let yearlyKeyList = Method<ListRequest, [YearlyKey]>(
        id: 0x0124, name: "registry.yearlykey.list", access: .read, roles: .readers)
    /// One key for one year for every party of a committee at once.
    public static let yearlyKeyTable = Method<YearlyKeyTableRequest, YearlyKeyTable>(
        id: 0x0125, name: "registry.yearlykey.table", access: .read, roles: .readers)

    // MARK: Persons 0x0130

    /// Creates a person.
    public static let personCreate = Method<PersonCreate, Person>(
        id: 0x0130, name: "registry.person.create", access: .write, roles: .writers)
    /// Replaces a person's fields.
    public static let personUpdate = Method<PersonUpdate, Person>(
        id: 0x0131, name: "registry.person.update", access: .write, roles: .writers)
    /// One person with their appointments, roles, staff assignments, pairings and keys.
    public static let personGet = Method<RecordRef, PersonDetails>(
        id: 0x0133, name: "registry.person.get", access: .read, roles: .readers)
    /// The persons of a committee; filters `on` and `party` (persons holding an appointment, for
    /// that party, on that day).
    public static let personList = Method<ListRequest, [Person]>(
        id: 0x0134, name: "registry.person.list", access: .read, roles: .readers)
    /// Records a person's last day in the committee; their appointments and staff assignments must
    /// have ended by then.
    public static let personEnd = Method<EndRequest, Person>(
        id: 0x0132, name: "registry.person.end", access: .write, roles: .writers)
    /// Erases the contact details of a person who has left; the name stays.
    public static let personErase = Method<PersonErase, Person>(
        id: 0x0135, name: "registry.person.erase", access: .write, roles: .writers)

    // MARK: Appointments 0x0140

    /// Appoints a person as ledamot or ersättare.
    public static let appointmentCreate = Method<AppointmentCreate, Appointment>(
        id: 0x0140, name: "registry.appointment.create", access: .write, roles: .writers)
    /// Replaces an appointment's fields.
    public static let appointmentUpdate = Method<AppointmentUpdate, Appointment>(
        id: 0x0141, name: "registry.appointment.update", access: .write, roles: .writers)
    /// Ends an appointment after a day.
    public static let appointmentEnd = Method<EndRequest, Appointment>(
        id: 0x0142, name: "registry.appointment.end", access: .write, roles: .writers)
    /// One appointment.
    public static let appointmentGet = Method<RecordRef, Appointment>(
        id: 0x0143, name: "registry.appointment.get", access: .read, roles: .readers)
    /// The appointments of a committee; filters `on`, `party`, `person`.
    public static let appointmentList = Method<ListRequest, [Appointment]>(
        id: 0x0144, name: "registry.appointment.list", access: .read, roles: .readers)
    /// A mid-term replacement in one step: the appointment ends, a successor takes the seat for the
    /// rest of it, and its pairings follow.
    public static let appointmentReplace = Method<AppointmentReplace, AppointmentReplacement>(
        id: 0x0145, name: "registry.appointment.replace", access: .write, roles: .writers)

    // MARK: Roles 0x0150

    /// Makes a ledamot chair or vice chair.
    public static let roleAssign = Method<RoleAssign, RoleAssignment>(
        id: 0x0150, name: "registry.role.assign", access: .write, roles: .writers)
    /// Replaces a role assignment's fields.
    public static let roleUpdate = Method<RoleUpdate, RoleAssignment>(
        id: 0x0151, name: "registry.role.update", access: .write, roles: .writers)
    /// Ends a role assignment after a day.
    public static let roleEnd = Method<EndRequest, RoleAssignment>(
        id: 0x0152, name: "registry.role.end", access: .write, roles: .writers)
    /// One role assignment.
    public static let roleGet = Method<RecordRef, RoleAssignment>(
        id: 0x0153, name: "registry.role.get", access: .read, roles: .readers)
    /// The role assignments of a committee; filters `on`, `person`.
    public static let roleList = Method<ListRequest, [RoleAssignment]>(
        id: 0x0154, name: "registry.role.list", access: .read, roles: .readers)

    // MARK: Staff 0x0160

    /// Gives a person a staff role.
    public static let staffAssign = Method<StaffAssign, StaffAssignment>(
        id: 0x0160, name: "registry.staff.assign", access: .write, roles: .writers)
    /// Replaces a staff assignment's fields.
    public static let staffUpdate = Method<StaffUpdate, StaffAssignment>(
        id: 0x0161, name: "registry.staff.update", access: .write, roles: .writers)
    /// Ends a staff assignment after a day.
    public static let staffEnd = Method<EndRequest, StaffAssignment>(
        id: 0x0162, name: "registry.staff.end", access: .write, roles: .writers)
    /// One staff assignment.
    public static let staffGet = Method<RecordRef, StaffAssignment>(
        id: 0x0163, name: "registry.staff.get", access: .read, roles: .readers)
    /// The staff assignments of a committee; filters `on`, `person`.
    public static let staffList = Method<ListRequest, [StaffAssignment]>(
        id: 0x0164, name: "registry.staff.list", access: .read, roles: .readers)

    // MARK: Substitute pairings 0x0170

    /// Pairs an ersättare with a ledamot of the same party, or ranks them in the order of service.
    public static let pairingCreate = Method<PairingCreate, SubstitutePairing>(
        id: 0x0170, name: "registry.pairing.create", access: .write, roles: .writers)
    /// Replaces a pairing's fields.
    public static let pairingUpdate = Method<PairingUpdate, SubstitutePairing>(
        id: 0x0171, name: "registry.pairing.update", access: .write, roles: .writers)
    /// Ends a pairing after a day.
    public static let pairingEnd = Method<EndRequest, SubstitutePairing>(
        id: 0x0172, name: "registry.pairing.end", access: .write, roles: .writers)
    /// One pairing.
    public static let pairingGet = Method<RecordRef, SubstitutePairing>(
        id: 0x0173, name: "registry.pairing.get", access: .read, roles: .readers)
    /// The pairings of a committee; filters `on`, `party`.
    public static let pairingList = Method<ListRequest, [SubstitutePairing]>(
        id: 0x0174, name: "registry.pairing.list", access: .read, roles: .readers)

    // MARK: Signing keys 0x0180

    /// Registers a person's public Ed25519 key.
    public static let signingKeyAdd = Method<SigningKeyAdd, SigningKey>(
        id: 0x0180, name: "registry.signingkey.add", access: .write, roles: .writers)
    /// Revokes a key from a day on.
    public static let signingKeyRevoke = Method<SigningKeyRevoke, SigningKey>(
        id: 0x0182, name: "registry.signingkey.revoke", access: .write, roles: .writers)
    /// One key. A signer key may read only its own person's keys.
    public static let signingKeyGet = Method<RecordRef, SigningKey>(
        id: 0x0183, name: "registry.signingkey.get", access: .read, roles: RoleSet.readers.union(.signer))
    /// The keys of a committee; filters `person`, `on` (usable that day: valid and not revoked).
    /// A signer key gets only its own person's keys.
    public static let signingKeyList = Method<ListRequest, [SigningKey]>(
        id: 0x0184, name: "registry.signingkey.list", access: .read, roles: RoleSet.readers.union(.signer))

    // MARK: Questions 0x0190

    /// The composition of a committee on a day.
    public static let composition = Method<CompositionRequest, Composition>(
        id: 0x0190, name: "registry.composition", access: .read, roles: .readers)
    /// Who may serve for an absent ledamot on a day.
    public static let substitutes = Method<SubstitutesRequest, SubstituteList>(
        id: 0x0191, name: "registry.substitutes", access: .read, roles: .readers)

    // MARK: Import and export 0x01A0

    /// Maps a signer-role client key to the person it belongs to (admin: it grants signing).
    public static let signerMap = Method<SignerMap, SignerClient>(
        id: 0x01B0, name: "registry.signer.map", access: .write, roles: .admins)
    /// Removes a signer key's mapping (the key itself is removed from the key files).
    public static let signerUnmap = Method<SignerRef, SignerClient>(
        id: 0x01B1, name: "registry.signer.unmap", access: .write, roles: .admins)
    /// Who a signer key is: its person and that person's usable signing keys. A signer key may
    /// ask only about itself.
    public static let signerGet = Method<SignerQuery, SignerIdentity>(
        id: 0x01B2, name: "registry.signer.get", access: .read, roles: RoleSet.readers.union(.signer))
    /// The signer keys mapped to persons of a committee.
    public static let signerList = Method<CommitteeRef, [SignerClient]>(
        id: 0x01B3, name: "registry.signer.list", access: .read, roles: .readers)

    /// Imports a whole committee from one document, in one transaction.
    public static let importCommittee = Method<ImportRequest, ImportResult>(
        id: 0x01A0, name: "registry.import", access: .write, roles: .admins)
    /// Checks a document against every rule without storing anything.
    public static let importCheck = Method<ImportRequest, ImportResult>(
        id: 0x01A1, name: "registry.import.check", access: .read, roles: .readers)
    /// Exports a whole committee as one document.
    public static let exportCommittee = Method<CommitteeRef, CommitteeFile>(
        id: 0x01A2, name: "registry.export", access: .read, roles: .readers)

    /// Withdraws a record entered by mistake, with the reason: it stays in the history, out of every
    /// composition, list and rule.
    public static let withdraw = Method<WithdrawRequest, WithdrawnRecord>(
        id: 0x01C0, name: "registry.withdraw", access: .write, roles: .writers)

    /// Every method's id, name and role, in id order: for documentation, the CLI's help and tests.
    public static let all: [MethodSummary] = [
        .init(committeeCreate), .init(committeeUpdate), .init(committeeEnd), .init(committeeGet),
        .init(committeeList),
        .init(partyAdd), .init(partyUpdate), .init(partyEnd), .init(partyGet), .init(partyList),
        .init(yearlyKeySet), .init(yearlyKeyList), .init(yearlyKeyTable),
        .init(personCreate), .init(personUpdate), .init(personEnd), .init(personGet), .init(personList),
        .init(personErase),
        .init(appointmentCreate), .init(appointmentUpdate), .init(appointmentEnd), .init(appointmentGet),
        .init(appointmentList), .init(appointmentReplace),
        .init(roleAssign), .init(roleUpdate), .init(roleEnd), .init(roleGet), .init(roleList),
        .init(staffAssign), .init(staffUpdate), .init(staffEnd), .init(staffGet), .init(staffList),
        .init(pairingCreate), .init(pairingUpdate), .init(pairingEnd), .init(pairingGet), .init(pairingList),
        .init(signingKeyAdd), .init(signingKeyRevoke), .init(signingKeyGet), .init(signingKeyList),
        .init(composition), .init(substitutes),
        .init(importCommittee), .init(importCheck), .init(exportCommittee),
        .init(signerMap), .init(signerUnmap), .init(signerGet), .init(signerList),
        .init(withdraw),
    ]
}
