import KansliStore

/// The finance database's schema.
///
/// A budget version and an allocation run are each stored whole, as the protocol's binary
/// encoding of `Budget` / `BudgetAllocation` (deterministic: equal values, equal bytes), beside
/// the columns that find them. An adopted version's row is never updated except for its status
/// (adopted pending justering → adopted → closed, or superseded by a later version); a change of
/// lines is a new row.
///
/// Billing (version 2): a billing run is stored whole too and rewritten only as its status moves
/// (draft → approved → issued, or cancelled). Issued invoices and credit notes are rows of their
/// own, inserted in the issuing transaction and never updated. Their numbers come from
/// `invoice_series` (the next serial per committee and calendar year of issue) and the
/// committee's prefix on its bankgiro (`bankgiro_prefix`, assigned 1, 2 … in the order
/// committees first issue on that bankgiro), so the numbers, and the OCR references made from
/// them, never collide on one bankgiro. The unique indexes are the last line of defence: one
/// number per serial, one reference per bankgiro, one invoice per run, party and VAT scope, one
/// credit note per invoice. Runs, invoices and payments are rowid tables, not `WITHOUT ROWID`:
/// their rows hold large bodies (a run of 578 invoices is megabytes), and SQLite compares keys in
/// a `WITHOUT ROWID` b-tree by loading each overflowing row whole, so every foreign-key check of
/// an invoice against its run read the run's megabytes (0.6 ms an invoice); a rowid table keeps
/// its keys in a separate index.
enum FinanceSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, sql: """
            CREATE TABLE budget_version (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                status TEXT NOT NULL,
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (committee, year, version)
            ) WITHOUT ROWID;
            CREATE TABLE allocation_run (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                version INTEGER NOT NULL,
                run INTEGER NOT NULL CHECK (run >= 1),
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (committee, year, version, run),
                FOREIGN KEY (committee, year, version) REFERENCES budget_version (committee, year, version)
            ) WITHOUT ROWID;
            """),
        Migration(version: 2, sql: """
            CREATE TABLE billing_run (
                committee TEXT NOT NULL,
                run INTEGER NOT NULL CHECK (run >= 1),
                year INTEGER NOT NULL,
                status TEXT NOT NULL,
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (committee, run)
            );
            CREATE TABLE invoice_series (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                next_serial INTEGER NOT NULL CHECK (next_serial >= 1),
                PRIMARY KEY (committee, year)
            ) WITHOUT ROWID;
            CREATE TABLE bankgiro_prefix (
                bankgiro TEXT NOT NULL,
                committee TEXT NOT NULL,
                prefix INTEGER NOT NULL CHECK (prefix >= 1),
                created_at INTEGER NOT NULL,
                PRIMARY KEY (bankgiro, committee),
                UNIQUE (bankgiro, prefix)
            ) WITHOUT ROWID;
            CREATE TABLE invoice (
                committee TEXT NOT NULL,
                number TEXT NOT NULL,
                series_year INTEGER NOT NULL,
                serial INTEGER NOT NULL,
                kind TEXT NOT NULL,
                run INTEGER NOT NULL,
                party TEXT NOT NULL,
                scope TEXT NOT NULL,
                bankgiro TEXT NOT NULL,
                reference TEXT,
                credits TEXT,
                total INTEGER NOT NULL,
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (committee, number),
                UNIQUE (committee, series_year, serial),
                FOREIGN KEY (committee, run) REFERENCES billing_run (committee, run)
            );
            CREATE UNIQUE INDEX invoice_reference ON invoice (bankgiro, reference) WHERE reference IS NOT NULL;
            CREATE UNIQUE INDEX invoice_per_party ON invoice (committee, run, party, scope) WHERE kind = 'invoice';
            CREATE UNIQUE INDEX invoice_credit ON invoice (committee, credits) WHERE credits IS NOT NULL;
            CREATE TABLE payment (
                committee TEXT NOT NULL,
                id INTEGER NOT NULL CHECK (id >= 1),
                invoice TEXT NOT NULL,
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (committee, id),
                FOREIGN KEY (committee, invoice) REFERENCES invoice (committee, number)
            );
            CREATE INDEX payment_invoice ON payment (committee, invoice);
            """),
        // Follow-up (version 3): outcome entries per line, direction and period (recording one
        // again replaces it), forecasts per line and direction (the latest replaces), and the
        // closing of a year, stored whole.
        Migration(version: 3, sql: """
            CREATE TABLE outcome (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                object_code TEXT NOT NULL,
                direction TEXT NOT NULL,
                period_from TEXT NOT NULL,
                period_to TEXT NOT NULL,
                body BLOB NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (committee, year, object_code, direction, period_from, period_to)
            ) WITHOUT ROWID;
            CREATE TABLE forecast (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                object_code TEXT NOT NULL,
                direction TEXT NOT NULL,
                body BLOB NOT NULL,
                recorded_at INTEGER NOT NULL,
                PRIMARY KEY (committee, year, object_code, direction)
            ) WITHOUT ROWID;
            CREATE TABLE year_closing (
                committee TEXT NOT NULL,
                year INTEGER NOT NULL,
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (committee, year)
            ) WITHOUT ROWID;
            """),
    ]
}
