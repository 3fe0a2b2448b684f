import KansliStore

/// The finance database's schema.
///
/// A budget version and an allocation run are each stored whole, as the protocol's binary
/// encoding of `Budget` / `BudgetAllocation` (deterministic: equal values, equal bytes), beside
/// the columns that find them. An adopted version's row is never updated except for its status
/// (adopted pending justering → adopted → closed, or superseded by a later version); a change of
/// lines is a new row.
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
    ]
}
