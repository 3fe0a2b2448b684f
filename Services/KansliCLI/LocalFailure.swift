/// A problem on this machine, found before or without asking a service: a file that is missing
/// or unreadable, one that is not JSON, one that cannot be written. It has its own exit status
/// (sysexits.h), distinct from 1, which is kept for a refusal by the service, so a script can tell
/// "fix the file" from "the registry said no".
public struct LocalFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of local problem, and the exit status it gives.
    public struct Kind: Sendable, Equatable {
        /// The stable code of the machine-readable error (`--json`), e.g. `no_input`.
        public let code: String
        /// The process's exit status.
        public let exitStatus: Int32

        /// An input file that does not exist or cannot be read (EX_NOINPUT).
        public static let noInput = Kind(code: "no_input", exitStatus: 66)
        /// An input that is not what it should be: not JSON, or not a committee file (EX_DATAERR).
        public static let dataError = Kind(code: "data_error", exitStatus: 65)
        /// An output file that cannot be created or written (EX_CANTCREAT).
        public static let cannotCreate = Kind(code: "cannot_create", exitStatus: 73)
        /// A configuration file, such as a key file, that is present but unusable (EX_CONFIG).
        public static let configuration = Kind(code: "configuration", exitStatus: 78)
        /// A signed document, a signature or a log does not verify (exit 2).
        public static let verification = Kind(code: "verification_failed", exitStatus: 2)
        /// The user answered no (exit 1).
        public static let cancelled = Kind(code: "cancelled", exitStatus: 1)
    }

    /// What kind of problem.
    public var kind: Kind
    /// A sentence for a person: what is wrong and where.
    public var message: String
    /// The file or option at fault, as a path: `file`, `file.parties[2].organisationNumber`, `output`.
    public var field: String?
    /// For input that is not JSON: the line where it stops being JSON, from 1.
    public var line: Int?
    /// For input that is not JSON: the column (in characters) on that line, from 1.
    public var column: Int?

    /// A local failure.
    public init(_ kind: Kind, _ message: String, field: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
        self.line = line
        self.column = column
    }

    /// `data_error: file: …`, like a `ServiceError`'s description.
    public var description: String {
        if let field { return "\(kind.code): \(field): \(message)" }
        return "\(kind.code): \(message)"
    }
}
