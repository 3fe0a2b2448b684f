extension DatabaseError {
    /// What a ``DatabaseError`` is about: reported by SQLite, or found by the wrapper.
    ///
    /// A struct around a private enum, so kinds can be added without breaking a caller's `switch`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case sqlite, typeMismatch, columnNotFound, argumentCount, multipleStatements
            case transactionControl, transactionAborted, misuse, noReaderAvailable
            case schemaTooNew, invalidMigrations, migrationForeignKeyCheck
            case invalidConfiguration, configurationFailed
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// SQLite reported the error; ``DatabaseError/message`` is `sqlite3_errmsg`.
        public static let sqlite = Kind(.sqlite)
        /// A stored value does not convert to the requested Swift type (`SQLITE_MISMATCH`).
        public static let typeMismatch = Kind(.typeMismatch)
        /// A ``Row`` has no column with the requested name or index (`SQLITE_RANGE`).
        public static let columnNotFound = Kind(.columnNotFound)
        /// The number of arguments differs from the statement's `?` parameters (`SQLITE_RANGE`).
        public static let argumentCount = Kind(.argumentCount)
        /// SQL given to a one-statement method holds more than one statement (`SQLITE_MISUSE`).
        public static let multipleStatements = Kind(.multipleStatements)
        /// SQL tried to BEGIN, COMMIT, END or ROLLBACK inside a transaction that ``Database``
        /// manages (`SQLITE_MISUSE`).
        public static let transactionControl = Kind(.transactionControl)
        /// SQLite rolled back the transaction in the middle of a ``Database/write(_:)`` body (after
        /// a disk-full or I/O error, or an `ON CONFLICT ROLLBACK`); nothing of it was committed
        /// (`SQLITE_ABORT`).
        public static let transactionAborted = Kind(.transactionAborted)
        /// The API was used in a way it does not support, such as SQL containing a NUL byte
        /// (`SQLITE_MISUSE`).
        public static let misuse = Kind(.misuse)
        /// Every reader connection stayed busy for the whole busy timeout (`SQLITE_BUSY`).
        public static let noReaderAvailable = Kind(.noReaderAvailable)
        /// The file's schema version is newer than the newest ``Migration`` (`SQLITE_ERROR`).
        public static let schemaTooNew = Kind(.schemaTooNew)
        /// The migration list is not strictly increasing positive versions (`SQLITE_MISUSE`).
        public static let invalidMigrations = Kind(.invalidMigrations)
        /// A migration left rows that break a foreign key (`SQLITE_CONSTRAINT_FOREIGNKEY`).
        public static let migrationForeignKeyCheck = Kind(.migrationForeignKeyCheck)
        /// A ``DatabaseConfiguration`` value is out of range (`SQLITE_MISUSE`).
        public static let invalidConfiguration = Kind(.invalidConfiguration)
        /// SQLite refused a setting the store depends on, such as WAL mode (`SQLITE_ERROR`).
        public static let configurationFailed = Kind(.configurationFailed)

        /// The kind's stable name, such as `"typeMismatch"`.
        public var description: String { base.rawValue }
    }
}
