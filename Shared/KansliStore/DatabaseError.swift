/// Every failure of KansliStore: one reported by SQLite, or one found by the wrapper itself.
///
/// An error from SQLite carries its primary and extended result codes, SQLite's own message
/// (`sqlite3_errmsg`) and the SQL that failed. The wrapper's own errors (a column of the wrong
/// type, a schema newer than the code…) have a ``kind`` other than ``Kind/sqlite`` and the
/// closest SQLite result code, so code that only looks at ``resultCode`` still sees, say,
/// `SQLITE_MISMATCH` for a type error.
///
/// Argument values are never part of an error: they may be personal data, and errors get logged.
///
/// ```swift
/// do {
///     try db.write { try $0.execute("INSERT INTO person(id) VALUES (?)", [id]) }
/// } catch let error as DatabaseError where error.isUniqueViolation {
///     // already registered
/// }
/// ```
public struct DatabaseError: Error, Sendable {
    /// Who found the error and what it is about; ``Kind/sqlite`` for errors reported by SQLite.
    public let kind: Kind
    /// The primary result code (the low 8 bits of ``extendedResultCode``), such as
    /// ``ResultCode/constraint``.
    public let resultCode: ResultCode
    /// The extended result code, such as ``ResultCode/constraintUnique``; equal to
    /// ``resultCode`` when SQLite has no finer code.
    public let extendedResultCode: ResultCode
    /// SQLite's own message (`sqlite3_errmsg`), or the wrapper's message for its own errors.
    public let message: String
    /// The SQL being prepared or run, if any. Arguments are bound separately and never appear.
    public let sql: String?

    /// Creates an error. The primary ``resultCode`` is derived from `extendedResultCode`.
    public init(kind: Kind = .sqlite, extendedResultCode: ResultCode, message: String, sql: String? = nil) {
        self.kind = kind
        self.resultCode = extendedResultCode.primary
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
    }

    /// A value that cannot be converted to the Swift type a caller asked for
    /// (kind ``Kind/typeMismatch``, `SQLITE_MISMATCH`).
    ///
    /// Conformances to ``DatabaseValueConvertible`` throw this. The message names the storage
    /// class found, never the value.
    ///
    /// - Parameters:
    ///   - expected: The Swift type, as a person would write it (`"Int32"`).
    ///   - found: The stored value.
    ///   - detail: Why the value does not fit, when its storage class alone does not say it.
    public static func typeMismatch(expected: String, found: DatabaseValue, detail: String? = nil) -> DatabaseError {
        var message = "expected \(expected), found \(found.storageClassName)"
        if let detail { message += " (\(detail))" }
        return DatabaseError(kind: .typeMismatch, extendedResultCode: .mismatch, message: message)
    }

    /// Whether a constraint failed (UNIQUE, PRIMARY KEY, FOREIGN KEY, CHECK, NOT NULL, …).
    public var isConstraintViolation: Bool { resultCode == .constraint }

    /// Which constraint failed, or `nil` when the error is not a constraint violation.
    public var constraintKind: ConstraintKind? {
        guard isConstraintViolation else { return nil }
        return switch extendedResultCode {
        case .constraintUnique: .unique
        case .constraintPrimaryKey, .constraintRowID: .primaryKey
        case .constraintForeignKey: .foreignKey
        case .constraintCheck: .check
        case .constraintNotNull: .notNull
        default: .other
        }
    }

    /// Whether a UNIQUE or PRIMARY KEY constraint failed: the row already exists.
    public var isUniqueViolation: Bool { constraintKind == .unique || constraintKind == .primaryKey }

    /// Whether a FOREIGN KEY constraint failed: a referenced row is missing, or still referenced.
    public var isForeignKeyViolation: Bool { constraintKind == .foreignKey }

    /// Whether a CHECK constraint failed.
    public var isCheckViolation: Bool { constraintKind == .check }

    /// Whether a NOT NULL constraint failed.
    public var isNotNullViolation: Bool { constraintKind == .notNull }

    /// A copy with `prefix` put before the message and `sql` filled in if it was missing.
    func adding(prefix: String, sql: String?) -> DatabaseError {
        DatabaseError(kind: kind, extendedResultCode: extendedResultCode,
                      message: prefix + message, sql: self.sql ?? sql)
    }
}

extension DatabaseError: CustomStringConvertible {
    /// One line: kind, codes, message and SQL, for logs.
    public var description: String {
        var text = kind == .sqlite ? "SQLite error" : "KansliStore error (\(kind))"
        text += " \(extendedResultCode)"
        if extendedResultCode != resultCode { text += " [\(resultCode)]" }
        text += ": \(message)"
        if let sql { text += " — SQL: \(sql)" }
        return text
    }
}
