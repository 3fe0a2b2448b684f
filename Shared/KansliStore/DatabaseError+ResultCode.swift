internal import CSQLite

extension DatabaseError {
    /// An SQLite result code, primary (`SQLITE_CONSTRAINT`, 19) or extended
    /// (`SQLITE_CONSTRAINT_UNIQUE`, 2067 = 19 | 8 << 8).
    ///
    /// The constants are SQLite's stable numbers, written out because the C macros for extended
    /// codes are expressions Swift does not import.
    public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// SQLite's number for the code.
        public let rawValue: Int32

        /// Wraps SQLite's number.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// The primary code: the low 8 bits.
        public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

        /// SQLite's English name for the code and its number, such as
        /// `"constraint failed (2067)"`.
        public var description: String { "\(String(cString: sqlite3_errstr(rawValue))) (\(rawValue))" }

        /// `SQLITE_OK`.
        public static let ok = ResultCode(rawValue: 0)
        /// `SQLITE_ERROR`: a generic error, such as an SQL syntax error or a missing table.
        public static let error = ResultCode(rawValue: 1)
        /// `SQLITE_INTERNAL`.
        public static let internalError = ResultCode(rawValue: 2)
        /// `SQLITE_PERM`.
        public static let permission = ResultCode(rawValue: 3)
        /// `SQLITE_ABORT`.
        public static let abort = ResultCode(rawValue: 4)
        /// `SQLITE_BUSY`: another connection holds a lock for longer than the busy timeout.
        public static let busy = ResultCode(rawValue: 5)
        /// `SQLITE_LOCKED`.
        public static let locked = ResultCode(rawValue: 6)
        /// `SQLITE_NOMEM`.
        public static let noMemory = ResultCode(rawValue: 7)
        /// `SQLITE_READONLY`: a write on a read-only connection (such as inside `read`).
        public static let readOnly = ResultCode(rawValue: 8)
        /// `SQLITE_INTERRUPT`.
        public static let interrupt = ResultCode(rawValue: 9)
        /// `SQLITE_IOERR`.
        public static let ioError = ResultCode(rawValue: 10)
        /// `SQLITE_CORRUPT`.
        public static let corrupt = ResultCode(rawValue: 11)
        /// `SQLITE_FULL`: the disk is full.
        public static let full = ResultCode(rawValue: 13)
        /// `SQLITE_CANTOPEN`.
        public static let cannotOpen = ResultCode(rawValue: 14)
        /// `SQLITE_SCHEMA`.
        public static let schema = ResultCode(rawValue: 17)
        /// `SQLITE_TOOBIG`.
        public static let tooBig = ResultCode(rawValue: 18)
        /// `SQLITE_CONSTRAINT`.
        public static let constraint = ResultCode(rawValue: 19)
        /// `SQLITE_MISMATCH`.
        public static let mismatch = ResultCode(rawValue: 20)
        /// `SQLITE_MISUSE`.
        public static let misuse = ResultCode(rawValue: 21)
        /// `SQLITE_AUTH`.
        public static let authorization = ResultCode(rawValue: 23)
        /// `SQLITE_RANGE`.
        public static let range = ResultCode(rawValue: 25)
        /// `SQLITE_NOTADB`.
        public static let notADatabase = ResultCode(rawValue: 26)

        /// `SQLITE_CONSTRAINT_CHECK`.
        public static let constraintCheck = ResultCode(rawValue: 19 | 1 << 8)
        /// `SQLITE_CONSTRAINT_FOREIGNKEY`.
        public static let constraintForeignKey = ResultCode(rawValue: 19 | 3 << 8)
        /// `SQLITE_CONSTRAINT_NOTNULL`.
        public static let constraintNotNull = ResultCode(rawValue: 19 | 5 << 8)
        /// `SQLITE_CONSTRAINT_PRIMARYKEY`.
        public static let constraintPrimaryKey = ResultCode(rawValue: 19 | 6 << 8)
        /// `SQLITE_CONSTRAINT_TRIGGER`.
        public static let constraintTrigger = ResultCode(rawValue: 19 | 7 << 8)
        /// `SQLITE_CONSTRAINT_UNIQUE`.
        public static let constraintUnique = ResultCode(rawValue: 19 | 8 << 8)
        /// `SQLITE_CONSTRAINT_ROWID`.
        public static let constraintRowID = ResultCode(rawValue: 19 | 10 << 8)
        /// `SQLITE_BUSY_SNAPSHOT`.
        public static let busySnapshot = ResultCode(rawValue: 5 | 2 << 8)
    }
}
