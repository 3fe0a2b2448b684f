import KansliStore

/// The registry's SQLite schema, as KansliStore migrations. Never edit a migration that has
/// shipped: add a new one.
///
/// Every record lives under its committee (`committee_seq`) and is unique by its id within it.
/// `seq` (the rowid) keeps the order records were created in, which is the order exports list them
/// in. Dates are `yyyy-MM-dd` text, which sorts as dates. Tables are STRICT so a wrong type is an
/// error, not a silent conversion; foreign keys tie every reference to an existing record, as a
/// second line of defence behind the rules.
///
/// Every committee carries a `revision` (migration 2) that triggers stamp, in the transaction of
/// the change, whenever a record of the committee is inserted, updated or deleted, or the
/// committee row itself is inserted or updated. The value comes from `registry_revision`, a
/// one-row counter that every stamp increments, so a rowid never carries the same revision for two
/// different sets of records — not even when a committee is deleted and another is imported under
/// the same rowid. (Committees stored before migration 2 keep revision 0 until their first change,
/// each under its own rowid.) `CommitteeStateCache` relies on this: the same rowid and revision
/// mean the same records.
public enum RegistrySchema {
    /// The migrations, in order.
    public static let migrations: [Migration] = [
        Migration(version: 1, sql: version1),
        Migration(version: 2, sql: version2),
        Migration(version: 3, sql: version3),
        Migration(version: 4, sql: version4),
        Migration(version: 5, sql: version5),
        Migration(version: 6, sql: version6),
        Migration(version: 7, sql: version7),
        Migration(version: 8, sql: version8),
        Migration(version: 9, sql: version9),
    ]

    /// The tables whose records carry their own revision and who last stored them (migration 4).
    static let revisedTables = [
        "registry_party", "registry_person", "registry_appointment", "registry_role", "registry_staff",
        "registry_pairing",
    ]

    /// The tables that hold a committee's records, under `committee_seq`: part of migration 2,
    /// which gives each one revision triggers. A table added later needs them too (a test checks
    /// that every table with a `committee_seq` has them).
    private static let recordTables = [
        "registry_committee_note", "registry_party", "registry_yearly_key", "registry_person",
        "registry_appointment", "registry_role", "registry_staff", "registry_pairing", "registry_signing_key",
    ]

    static let version1 = """
        CREATE TABLE registry_committee (
            seq INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            short_name TEXT NOT NULL,
            case_number_format TEXT NOT NULL,
            established_on TEXT,
            ended_on TEXT
        ) STRICT;

        CREATE TABLE registry_committee_note (
            committee_seq INTEGER NOT NULL REFERENCES registry_committee(seq),
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (committee_seq, position)
        ) STRICT;

        CREATE TABLE registry_party (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL REFERENCES registry_committee(seq),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('kommun', 'region')),
            organisation_number TEXT NOT NULL,
            is_host INTEGER NOT NULL CHECK (is_host IN (0, 1)),
            joined_on TEXT NOT NULL,
            left_on TEXT CHECK (left_on IS NULL OR left_on >= joined_on),
            member_seats INTEGER NOT NULL CHECK (member_seats >= 1),
            substitute_seats INTEGER NOT NULL CHECK (substitute_seats >= 0),
            invoice_address_lines TEXT,
            invoice_postal_code TEXT,
            invoice_city TEXT,
            buyer_reference TEXT,
            peppol_id TEXT,
            bankgiro TEXT,
            note TEXT,
            UNIQUE (committee_seq, code),
            UNIQUE (committee_seq, organisation_number)
        ) STRICT;

        CREATE TABLE registry_yearly_key (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL,
            party_code TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('population', 'pupils', 'budget-turnover')),
            year INTEGER NOT NULL,
            value INTEGER NOT NULL CHECK (value >= 0),
            reference_date TEXT NOT NULL,
            source TEXT NOT NULL,
            illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
            UNIQUE (committee_seq, party_code, kind, year),
            FOREIGN KEY (committee_seq, party_code) REFERENCES registry_party(committee_seq, code)
        ) STRICT;

        CREATE TABLE registry_person (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL REFERENCES registry_committee(seq),
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT,
            phone TEXT,
            note TEXT,
            UNIQUE (committee_seq, id)
        ) STRICT;

        CREATE TABLE registry_appointment (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            party_code TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('ledamot', 'ersattare')),
            seat INTEGER NOT NULL CHECK (seat >= 1),
            political_party TEXT NOT NULL,
            mandate_period TEXT NOT NULL,
            from_on TEXT NOT NULL,
            to_on TEXT NOT NULL CHECK (to_on >= from_on),
            note TEXT,
            UNIQUE (committee_seq, id),
            FOREIGN KEY (committee_seq, person_id) REFERENCES registry_person(committee_seq, id),
            FOREIGN KEY (committee_seq, party_code) REFERENCES registry_party(committee_seq, code)
        ) STRICT;
        CREATE INDEX registry_appointment_by_party ON registry_appointment(committee_seq, party_code);
        CREATE INDEX registry_appointment_by_person ON registry_appointment(committee_seq, person_id);

        CREATE TABLE registry_role (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('chair', 'vice-chair')),
            from_on TEXT NOT NULL,
            to_on TEXT NOT NULL CHECK (to_on >= from_on),
            UNIQUE (committee_seq, id),
            FOREIGN KEY (committee_seq, person_id) REFERENCES registry_person(committee_seq, id)
        ) STRICT;

        CREATE TABLE registry_staff (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('secretary', 'coordinator')),
            title TEXT,
            organisation TEXT,
            from_on TEXT NOT NULL,
            to_on TEXT CHECK (to_on IS NULL OR to_on >= from_on),
            UNIQUE (committee_seq, id),
            FOREIGN KEY (committee_seq, person_id) REFERENCES registry_person(committee_seq, id)
        ) STRICT;

        CREATE TABLE registry_pairing (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            substitute_id TEXT NOT NULL,
            ledamot_id TEXT,
            rank INTEGER CHECK (rank IS NULL OR rank >= 1),
            from_on TEXT NOT NULL,
            to_on TEXT NOT NULL CHECK (to_on >= from_on),
            CHECK ((ledamot_id IS NULL) <> (rank IS NULL)),
            UNIQUE (committee_seq, id),
            FOREIGN KEY (committee_seq, substitute_id) REFERENCES registry_appointment(committee_seq, id),
            FOREIGN KEY (committee_seq, ledamot_id) REFERENCES registry_appointment(committee_seq, id)
        ) STRICT;

        CREATE TABLE registry_signing_key (
            seq INTEGER PRIMARY KEY,
            committee_seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            person_id TEXT NOT NULL,
            public_key TEXT NOT NULL CHECK (length(public_key) = 64),
            valid_from TEXT NOT NULL,
            valid_to TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
            revoked_on TEXT,
            revocation_reason TEXT,
            UNIQUE (committee_seq, id),
            UNIQUE (committee_seq, public_key),
            FOREIGN KEY (committee_seq, person_id) REFERENCES registry_person(committee_seq, id)
        ) STRICT;
        """

    /// The committee revision and the triggers that keep it (see the type's overview).
    static let version2 = """
        ALTER TABLE registry_committee ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE registry_revision (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        ) STRICT;
        INSERT INTO registry_revision (id, value) VALUES (1, 0);

        CREATE TRIGGER registry_committee_revision_insert AFTER INSERT ON registry_committee BEGIN
            \(stampRevision("NEW.seq"))
        END;
        -- Any update but a stamp (which always changes the revision).
        CREATE TRIGGER registry_committee_revision_update AFTER UPDATE ON registry_committee
        WHEN NEW.revision IS OLD.revision BEGIN
            \(stampRevision("NEW.seq"))
        END;
        \(recordTables.map(revisionTriggers).joined(separator: "\n"))
        """

    /// Part of migration 2, never to change: the triggers that stamp a new revision on the
    /// committee of a row of `table` that is inserted, updated (on the old and the new committee,
    /// should a row ever move) or deleted.
    private static func revisionTriggers(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_revision_insert AFTER INSERT ON \(table) BEGIN
            \(stampRevision("NEW.committee_seq"))
        END;
        CREATE TRIGGER \(table)_revision_update AFTER UPDATE ON \(table) BEGIN
            \(stampRevision("OLD.committee_seq, NEW.committee_seq"))
        END;
        CREATE TRIGGER \(table)_revision_delete AFTER DELETE ON \(table) BEGIN
            \(stampRevision("OLD.committee_seq"))
        END;
        """
    }

    /// Part of migration 2, never to change: trigger statements that take the next revision and
    /// stamp it on the committees with the rowids `seqs`.
    private static func stampRevision(_ seqs: String) -> String {
        """
        UPDATE registry_revision SET value = value + 1;
            UPDATE registry_committee SET revision = (SELECT value FROM registry_revision) WHERE seq IN (\(seqs));
        """
    }

    /// Signer-role client keys and the person each belongs to (`SignerClientStore`). Deployment
    /// configuration rather than a committee record: the committee and person are named by code
    /// and id, with no `committee_seq`, so re-importing a committee keeps them (and they take no
    /// part in the committee's revision).
    static let version3 = """
        CREATE TABLE registry_signer_client (
            key_id TEXT PRIMARY KEY,
            committee_code TEXT NOT NULL,
            person_id TEXT NOT NULL,
            mapped_on TEXT NOT NULL
        ) STRICT;

        CREATE INDEX registry_signer_client_by_person ON registry_signer_client (committee_code, person_id);
        """

    /// Each updatable record's own revision (1 when stored, one more at every update or end) and
    /// the key and time that last stored it, for optimistic concurrency: an update names the
    /// revision it read and a `conflict` names who stored a later one, and when. Records stored
    /// before this migration start at revision 1 with no writer known.
    static let version4 = revisedTables.map { table in
        """
        ALTER TABLE \(table) ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
        ALTER TABLE \(table) ADD COLUMN changed_by TEXT;
        ALTER TABLE \(table) ADD COLUMN changed_at TEXT;
        """
    }.joined(separator: "\n")

    /// The token a registry write stamps on the committee when it leaves the state it computed in
    /// the cache (`RegistryWriteContext.publish`): with it, a cached version names one set of
    /// records even if the write is rolled back and its revision handed out again. Stamping it is
    /// an update of the committee row, so the trigger gives the committee a new revision too.
    static let version5 = """
        ALTER TABLE registry_committee ADD COLUMN write_token INTEGER;
        """

    /// A person's last day in the committee and the day their contact details were erased
    /// (`registry.person.end`, `registry.person.erase`).
    static let version6 = """
        ALTER TABLE registry_person ADD COLUMN left_on TEXT;
        ALTER TABLE registry_person ADD COLUMN erased_on TEXT;
        """

    /// The withdrawal of a record entered by mistake (`registry.withdraw`): the day and the reason,
    /// both set or both NULL.
    static let version7 = ["registry_appointment", "registry_role", "registry_staff", "registry_pairing"].map { table in
        """
        ALTER TABLE \(table) ADD COLUMN withdrawn_on TEXT;
        ALTER TABLE \(table) ADD COLUMN withdrawal_reason TEXT;
        """
    }.joined(separator: "\n")

    /// Which of a party's invoicing details are invented rather than its own
    /// (`InvoiceDetails.invented`): their names, comma-separated in declaration order, or NULL.
    static let version8 = """
        ALTER TABLE registry_party ADD COLUMN invoice_invented TEXT;
        """

    /// A committee's local political parties (one name per line, or NULL) and the mandate periods
    /// its appointments may name (NULL: the election terms); whether a staff member acts in the
    /// role (*t.f.*) and whether they are an external consultant (1, or NULL for no).
    static let version9 = """
        ALTER TABLE registry_committee ADD COLUMN local_political_parties TEXT;
        ALTER TABLE registry_committee ADD COLUMN mandate_period_rule TEXT
            CHECK (mandate_period_rule IS NULL OR mandate_period_rule IN ('election-terms', 'any'));
        ALTER TABLE registry_staff ADD COLUMN acting INTEGER CHECK (acting IS NULL OR acting IN (0, 1));
        ALTER TABLE registry_staff ADD COLUMN external INTEGER CHECK (external IS NULL OR external IN (0, 1));
        """
}
