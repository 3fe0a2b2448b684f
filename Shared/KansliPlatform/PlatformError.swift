#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of the operating system or of a limit, with a stable code, the system call, the
/// path it concerned and `errno`, and a message a person can act on.
public struct PlatformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a stable code; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case notFound, permissionDenied, alreadyExists, tooLarge, invalidArgument, systemCall
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The file or directory does not exist (`ENOENT`).
        public static let notFound = Code(.notFound)
        /// The process may not do that (`EACCES`, `EPERM`).
        public static let permissionDenied = Code(.permissionDenied)
        /// Something is already there (`EEXIST`), or a path component is not a directory.
        public static let alreadyExists = Code(.alreadyExists)
        /// A file is larger than the caller's limit.
        public static let tooLarge = Code(.tooLarge)
        /// The caller asked for something impossible (an empty path, a bad size).
        public static let invalidArgument = Code(.invalidArgument)
        /// Any other failed system call; `errno` says which.
        public static let systemCall = Code(.systemCall)

        /// The code for a failed call's `errno`.
        static func from(errno code: Int32) -> Code {
            switch code {
            case ENOENT: .notFound
            case EACCES, EPERM: .permissionDenied
            case EEXIST, ENOTDIR: .alreadyExists
            case EINVAL: .invalidArgument
            default: .systemCall
            }
        }

        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The system call that failed (`open`, `rename` …), or empty for a limit.
    public let call: String
    /// The path concerned, if any.
    public let path: String?
    /// `errno` after the call, or 0 when no call failed.
    public let errno: Int32
    /// What happened, naming the path and the system's reason.
    public let message: String

    /// An error for a limit or a misuse that no system call reported.
    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.call = ""
        self.path = path
        self.errno = 0
        self.message = message
    }

    /// The error for `call` failing with `errno`, e.g. "cannot read /etc/kansli/keys: Permission
    /// denied (open, errno 13)".
    public init(call: String, errno code: Int32, path: String?, doing what: String) {
        self.code = Code.from(errno: code)
        self.call = call
        self.path = path
        self.errno = code
        let reason = String(cString: strerror(code))
        self.message = "cannot \(what)\(path.map { " \($0)" } ?? ""): \(reason) (\(call), errno \(code))"
    }

    public var description: String { message }

    /// Runs `body` until it does not fail with `EINTR`; returns its non-negative result, or
    /// throws the failure described by `call`, `path` and `what`.
    @inline(__always)
    static func retrying<T: BinaryInteger>(_ call: String, path: String?, doing what: String,
                                           _ body: () -> T) throws(PlatformError) -> T {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = Glibc.errno
            if code == EINTR { continue }
            throw PlatformError(call: call, errno: code, path: path, doing: what)
        }
    }
}
