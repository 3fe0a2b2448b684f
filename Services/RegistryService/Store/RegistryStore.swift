import KansliProtocol
import KansliService
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
    /// Who stores what this store writes, and when; nil for a store that only reads.
    var stamp: RecordStamp? = nil

    /// A store that only reads, on `connection`.
    init(connection: Connection) {
        self.connection = connection
    }

    /// A store for a write request: what it stores carries the request's key and time.
    init(_ context: HandlerContext) {
        self.connection = context.connection
        self.stamp = RecordStamp(keyID: context.keyID, now: context.now)
    }

    /// The rowid of the committee with `code`, or nil.
    func committeeSeq(_ code: String) throws -> Int64? {
        try connection.queryOne("SELECT seq FROM registry_committee WHERE code = ?", [code])?.get(0, as: Int64.self)
    }

    /// Which version of the committee with `code` this transaction sees — its rowid and its
    /// revision — or nil when there is no such committee. Every change to the committee's records
    /// gives it a revision never used before (see `RegistrySchema`), so equal versions mean equal
    /// records: what `CommitteeStateCache` relies on.
    func version(of code: String) throws -> CommitteeVersion? {
        guard let row = try connection.queryOne(
            "SELECT seq, revision, write_token FROM registry_committee WHERE code = ?", [code])
        else { return nil }
        return CommitteeVersion(seq: try row.get(0), revision: try row.get(1), token: try row.get(2))
    }

    /// The version of the committee with `code`, or `not_found` naming `field`; `validation` naming
    /// `field`, before any query, if `code` is not a well-formed committee code at all (it could
    /// name no committee; PROTOCOL §6.1). Codes are matched in any case: `nbe` is NBE.
    func requireVersion(of code: String, field: String = "committee") throws -> CommitteeVersion {
        try TextRules.committeeReference(code, field: field)
        guard let version = try version(of: code.uppercased()) else {
            throw ServiceError.notFound("there is no committee \(ServiceError.quote(code))", field: field)
        }
        return version
    }

    /// The rowid of the committee with `code`, or `not_found` naming `field`.
    func requireCommitteeSeq(_ code: String, field: String = "committee") throws -> Int64 {
        try requireVersion(of: code, field: field).seq
    }

    /// Everything stored about the committee with `code`, as a state the rules and queries work on;
    /// `not_found` naming `field` if there is no such committee. Read from the tables every time:
    /// what writes check their change against (reads go through `RegistryReadContext`'s cache).
    func state(of code: String, field: String = "committee") throws -> (seq: Int64, state: CommitteeState) {
        let seq = try requireCommitteeSeq(code, field: field)
        return (seq, CommitteeState(try file(seq)))
    }

    /// Everything stored about the committee with rowid `seq`, as a document.
    func file(_ seq: Int64) throws -> CommitteeFile {
        CommitteeFile(
            committee: try committee(seq),
            parties: try records("registry_party", RegistryRows.partyColumns, seq, RegistryRows.party),
            yearlyKeys: try records("registry_yearly_key", RegistryRows.yearlyKeyColumns, seq, RegistryRows.yearlyKey),
            persons: try records("registry_person", RegistryRows.personColumns, seq, RegistryRows.person),
            appointments: try records("registry_appointment", RegistryRows.appointmentColumns, seq,
                                      RegistryRows.appointment),
            roles: try records("registry_role", RegistryRows.roleColumns, seq, RegistryRows.role),
            staff: try records("registry_staff", RegistryRows.staffColumns, seq, RegistryRows.staff),
            pairings: try records("registry_pairing", RegistryRows.pairingColumns, seq, RegistryRows.pairing),
            signingKeys: try records("registry_signing_key", RegistryRows.signingKeyColumns, seq,
                                     RegistryRows.signingKey))
    }

    /// The records of the committee with rowid `seq` in `table`, in the order they were created,
    /// each row of `columns` decoded by `decode`. (`table` and `columns` are constants of this
    /// module, never request data.)
    private func records<Record>(_ table: String, _ columns: String, _ seq: Int64,
                                 _ decode: (Row) throws -> Record) throws -> [Record] {
        try connection.query("SELECT \(columns) FROM \(table) WHERE committee_seq = ? ORDER BY seq", [seq]).map(decode)
    }

    /// The committee record with rowid `seq`, notes included.
    func committee(_ seq: Int64) throws -> Committee {
        guard let row = try connection.queryOne(
            "SELECT \(RegistryRows.committeeColumns) FROM registry_committee WHERE seq = ?", [seq])
        else {
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
