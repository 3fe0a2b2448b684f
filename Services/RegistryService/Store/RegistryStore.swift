import KansliProtocol
import KansliStore
import RegistryAPI

/// The only code that reads and writes the registry's tables. It works on one connection inside
/// the transaction the service runtime opened for the request, so everything a handler stores is
/// committed together or not at all.
///
/// It knows SQL, not rules: callers check records with the rules before they store them. Records
/// come back in the order they were created (`seq`), so an export lists them as they were imported.
struct RegistryStore {
    /// The request's connection.
    let connection: Connection

    /// The rowid of the committee with `code`, or nil.
    func committeeSeq(_ code: String) throws -> Int64? {
        try connection.queryOne("SELECT seq FROM registry_committee WHERE code = ?", [code])?.get(0, as: Int64.self)
    }

    /// The rowid of the committee with `code`, or `not_found` naming `field`.
    func requireCommitteeSeq(_ code: String, field: String = "committee") throws -> Int64 {
        guard let seq = try committeeSeq(code) else {
            throw ServiceError.notFound("there is no committee \"\(code)\"", field: field)
        }
        return seq
    }

    /// Everything stored about the committee with `code`, as a state the rules and queries work on;
    /// `not_found` naming `field` if there is no such committee.
    func state(of code: String, field: String = "committee") throws -> (seq: Int64, state: CommitteeState) {
        let seq = try requireCommitteeSeq(code, field: field)
        return (seq, CommitteeState(try file(seq)))
    }

    /// Everything stored about the committee with rowid `seq`, as a document.
    func file(_ seq: Int64) throws -> CommitteeFile {
        CommitteeFile(
            committee: try committee(seq),
            parties: try connection.query("SELECT * FROM registry_party WHERE committee_seq = ? ORDER BY seq", [seq])
                .map(RegistryRows.party),
            yearlyKeys: try connection.query(
                "SELECT * FROM registry_yearly_key WHERE committee_seq = ? ORDER BY seq", [seq]).map(RegistryRows.yearlyKey),
            persons: try connection.query("SELECT * FROM registry_person WHERE committee_seq = ? ORDER BY seq", [seq])
                .map(RegistryRows.person),
            appointments: try connection.query(
                "SELECT * FROM registry_appointment WHERE committee_seq = ? ORDER BY seq", [seq]).map(RegistryRows.appointment),
            roles: try connection.query("SELECT * FROM registry_role WHERE committee_seq = ? ORDER BY seq", [seq])
                .map(RegistryRows.role),
            staff: try connection.query("SELECT * FROM registry_staff WHERE committee_seq = ? ORDER BY seq", [seq])
                .map(RegistryRows.staff),
            pairings: try connection.query("SELECT * FROM registry_pairing WHERE committee_seq = ? ORDER BY seq", [seq])
                .map(RegistryRows.pairing),
            signingKeys: try connection.query(
                "SELECT * FROM registry_signing_key WHERE committee_seq = ? ORDER BY seq", [seq]).map(RegistryRows.signingKey))
    }

    /// The committee record with rowid `seq`, notes included.
    func committee(_ seq: Int64) throws -> Committee {
        guard let row = try connection.queryOne("SELECT * FROM registry_committee WHERE seq = ?", [seq]) else {
            throw ServiceError(.internal, "committee row \(seq) disappeared inside a transaction")
        }
        let notes = try connection.query(
            "SELECT text FROM registry_committee_note WHERE committee_seq = ? ORDER BY position", [seq]
        ).map { try $0.get(0, as: String.self) }
        return try RegistryRows.committee(row, notes: notes)
    }

    /// Every committee with its host and record counts, by code.
    func overviews() throws -> [CommitteeOverview] {
        let rows = try connection.query("SELECT seq FROM registry_committee ORDER BY code")
        return try rows.map { try overview(try $0.get(0, as: Int64.self)) }
    }

    /// The committee with rowid `seq`, its current host and its record counts.
    func overview(_ seq: Int64) throws -> CommitteeOverview {
        let committee = try committee(seq)
        let hosts = try connection.query(
            "SELECT code, left_on FROM registry_party WHERE committee_seq = ? AND is_host = 1 ORDER BY joined_on, seq",
            [seq])
        let current = try hosts.first { try $0.get("left_on", as: String?.self) == nil } ?? hosts.last
        let host = try current?.get("code", as: String.self)
        func count(_ table: String) throws -> Int {
            try connection.queryOne("SELECT count(*) FROM \(table) WHERE committee_seq = ?", [seq])?.get(0, as: Int.self) ?? 0
        }
        let counts = RecordCounts(
            parties: try count("registry_party"), yearlyKeys: try count("registry_yearly_key"),
            persons: try count("registry_person"), appointments: try count("registry_appointment"),
            roles: try count("registry_role"), staff: try count("registry_staff"),
            pairings: try count("registry_pairing"), signingKeys: try count("registry_signing_key"))
        return CommitteeOverview(committee: committee, hostParty: host, counts: counts)
    }
}
