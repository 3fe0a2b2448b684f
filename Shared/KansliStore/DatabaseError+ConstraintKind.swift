extension DatabaseError {
    /// Which kind of constraint a constraint violation broke, from SQLite's extended result code.
    public enum ConstraintKind: Sendable, Hashable {
        /// A UNIQUE constraint or unique index (`SQLITE_CONSTRAINT_UNIQUE`).
        case unique
        /// A PRIMARY KEY, including a rowid alias (`SQLITE_CONSTRAINT_PRIMARYKEY`, `…_ROWID`).
        case primaryKey
        /// A FOREIGN KEY (`SQLITE_CONSTRAINT_FOREIGNKEY`), immediate or deferred to COMMIT.
        case foreignKey
        /// A CHECK constraint (`SQLITE_CONSTRAINT_CHECK`).
        case check
        /// A NOT NULL constraint (`SQLITE_CONSTRAINT_NOTNULL`).
        case notNull
        /// Any other constraint: a trigger's RAISE, a strict table's data type, …
        case other
    }
}
