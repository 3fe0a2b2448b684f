import KansliProtocol
import RegistryAPI

/// Checks a whole committee against every rule: what `registry.import` does before it stores a
/// document, and what every write does after checking the record it changes — so that ending a
/// party's membership, for instance, fails while an appointment for that party still runs past it.
///
/// The first violation is thrown, with the path of the offending field: by position for a
/// document (`appointments[3].to`), by id for stored records (`appointments[isak-utsi-2019].to`).
public enum CommitteeValidator {
    /// How records are named in field paths.
    public enum Locator: Sendable {
        /// By position in the document's lists: `parties[2]`.
        case position
        /// By id: `parties[lulea]`.
        case id
    }

    /// The most records of one kind a committee may hold (20 years of a large committee fit many
    /// times over); a bound on the work one import can cause.
    public static let maxRecordsPerKind = 20_000

    /// Checks a document for import: its format version, then `validate(_:locator:)`.
    public static func validateFile(_ file: CommitteeFile) throws(ServiceError) {
        guard file.formatVersion == CommitteeFile.currentFormatVersion else {
            throw .validation(
                "this registry reads format version \(CommitteeFile.currentFormatVersion), the file has version "
                    + "\(file.formatVersion)", field: "formatVersion")
        }
        try validate(CommitteeState(file), locator: .position)
    }

    /// Checks every record of the committee in `state`.
    public static func validate(_ state: CommitteeState, locator: Locator) throws(ServiceError) {
        let file = state.file
        try CommitteeRules.validate(file.committee, at: FieldPath("committee"))
        let counts: [(String, Int)] = [
            ("parties", file.parties.count), ("yearlyKeys", file.yearlyKeys.count), ("persons", file.persons.count),
            ("appointments", file.appointments.count), ("roles", file.roles.count), ("staff", file.staff.count),
            ("pairings", file.pairings.count), ("signingKeys", file.signingKeys.count),
        ]
        for (name, count) in counts where count > maxRecordsPerKind {
            throw .validation("a committee holds at most \(maxRecordsPerKind) \(name), got \(count)", field: name)
        }

        try unique(file.parties.map(\.code), list: "parties", field: "code", what: "party code")
        try unique(file.persons.map(\.id), list: "persons", field: "id", what: "person id")
        try unique((file.appointments + state.withdrawn.appointments).map(\.id), list: "appointments", field: "id", what: "appointment id")
        try unique((file.roles + state.withdrawn.roles).map(\.id), list: "roles", field: "id", what: "role assignment id")
        try unique((file.staff + state.withdrawn.staff).map(\.id), list: "staff", field: "id", what: "staff assignment id")
        try unique((file.pairings + state.withdrawn.pairings).map(\.id), list: "pairings", field: "id", what: "pairing id")
        try unique(file.signingKeys.map(\.id), list: "signingKeys", field: "id", what: "signing key id")
        try unique(file.yearlyKeys.map { "\($0.party)/\($0.kind.rawValue)/\($0.year)" }, list: "yearlyKeys",
                   field: "year", what: "figure (party, kind, year)")

        func path(_ list: String, _ index: Int, _ id: String) -> FieldPath {
            switch locator {
            case .position: FieldPath.element(list, index)
            case .id: FieldPath.record(list, id)
            }
        }
        for (index, party) in file.parties.enumerated() {
            try revision(party.revision, at: path("parties", index, party.code))
            try PartyRules.validate(party, in: state, at: path("parties", index, party.code))
        }
        for (index, person) in file.persons.enumerated() {
            try revision(person.revision, at: path("persons", index, person.id))
            try PersonRules.validate(person, at: path("persons", index, person.id))
        }
        for (index, key) in file.yearlyKeys.enumerated() {
            try YearlyKeyRules.validate(key, in: state,
                                        at: path("yearlyKeys", index, "\(key.party)-\(key.kind.rawValue)-\(key.year)"))
        }
        for (index, appointment) in file.appointments.enumerated() {
            try revision(appointment.revision, at: path("appointments", index, appointment.id))
            try AppointmentRules.validate(appointment, in: state, at: path("appointments", index, appointment.id))
        }
        for (index, role) in file.roles.enumerated() {
            try revision(role.revision, at: path("roles", index, role.id))
            try RoleRules.validate(role, in: state, at: path("roles", index, role.id))
        }
        for (index, staff) in file.staff.enumerated() {
            try revision(staff.revision, at: path("staff", index, staff.id))
            try StaffRules.validate(staff, in: state, at: path("staff", index, staff.id))
        }
        for (index, pairing) in file.pairings.enumerated() {
            try revision(pairing.revision, at: path("pairings", index, pairing.id))
            try PairingRules.validate(pairing, in: state, at: path("pairings", index, pairing.id))
        }
        let withdrawals = state.withdrawn.appointments.map { ("appointments", $0.id, $0.withdrawn) }
            + state.withdrawn.roles.map { ("roles", $0.id, $0.withdrawn) }
            + state.withdrawn.staff.map { ("staff", $0.id, $0.withdrawn) }
            + state.withdrawn.pairings.map { ("pairings", $0.id, $0.withdrawn) }
        for (list, id, withdrawal) in withdrawals {
            try TextRules.required(withdrawal?.reason ?? "", field: FieldPath.record(list, id)("withdrawn.reason"),
                                   what: "the reason for the withdrawal", maxLength: TextRules.maxNoteLength)
        }
        for (index, key) in file.signingKeys.enumerated() {
            try SigningKeyRules.validate(key, in: state, at: path("signingKeys", index, key.id))
        }
    }

    /// `validation` unless a record's revision, if it has one, counts from 1 (a file may carry the
    /// revisions an export wrote; an import keeps them).
    private static func revision(_ revision: Int?, at path: FieldPath) throws(ServiceError) {
        guard let revision, revision < 1 else { return }
        throw .validation("a revision counts from 1, got \(revision)", field: path("revision"))
    }

    /// Throws `conflict` at the second occurrence of a repeated key.
    private static func unique(_ keys: [String], list: String, field: String, what: String) throws(ServiceError) {
        var seen: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            if let first = seen[key] {
                throw .conflict(
                    "\(what) \(ServiceError.quote(key)) appears twice, at \(list)[\(first)] and \(list)[\(index)]",
                    field: "\(list)[\(index)].\(field)")
            }
            seen[key] = index
        }
    }
}
