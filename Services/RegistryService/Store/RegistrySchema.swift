import KansliStore

/// The registry's SQLite schema, as KansliStore migrations. Never edit a migration that has
/// shipped: add a new one.
///
/// Every record lives under its committee (`committee_seq`) and is unique by its id within it.
/// `seq` (the rowid) keeps the order records were created in, which is the order exports list them
/// in. Dates are `yyyy-MM-dd` text, which sorts as dates. Tables are STRICT so a wrong type is an
/// error, not a silent conversion; foreign keys tie every reference to an existing record, as a
/// second line of defence behind the rules.
public enum RegistrySchema {
    /// The migrations, in order.
    public static let migrations: [Migration] = [
        Migration(version: 1, sql: version1),
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
}
