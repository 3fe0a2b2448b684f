import Foundation
import KansliArguments
import KansliProtocol

/// How `kansli` ends when a command fails: which exit status, and what it prints: the message for
/// a person on standard error, or with `--json` one JSON object on standard error instead, so a
/// script can branch on `code` and `exitStatus` without parsing a sentence.
///
/// Exit status: 1 the service refused the request (validation, not found, conflict …); 64 the
/// command line is wrong; 65 an input file is not JSON or not what the command reads; 66 an input
/// file (a committee file, a key file) does not exist or cannot be read; 69 a service could not be
/// reached or timed out; 73 an output file cannot be written; 77 the credential was refused; 78 a
/// key file is unusable (its mode, its content).
public enum CLIFailure {
    /// The machine-readable error `--json` prints.
    public struct Report: Codable, Sendable, Equatable {
        /// The stable code: a service's `ErrorCode` (`not_found` …), a command-line problem
        /// (`usage`), or a local one (`no_input`, `data_error`, `cannot_create`, `configuration`).
        public var code: String
        /// The sentence a person reads.
        public var message: String
        /// The request field, option or file path at fault, if known.
        public var field: String?
        /// Where the error comes from: `service` (the service answered with a refusal), `client`
        /// (a service could not be reached, or refused the credential), `command-line`, `local`.
        public var source: String
        /// The exit status `kansli` ends with.
        public var exitStatus: Int32
        /// For a file that is not JSON, the line and column where it stops being JSON.
        public var line: Int?
        /// See `line`.
        public var column: Int?
    }

    /// The report of `error`.
    public static func report(for error: any Error) -> Report {
        switch error {
        case let failure as LocalFailure:
            return Report(code: failure.kind.code, message: failure.message, field: failure.field, source: "local",
                          exitStatus: failure.kind.exitStatus, line: failure.line, column: failure.column)
        case let error as ArgumentError:
            return Report(code: "usage", message: error.message, field: nil, source: "command-line", exitStatus: 64)
        case let error as ServiceError:
            return serviceReport(error)
        default:
            return Report(code: ErrorCode.internal.rawValue, message: "\(error)", field: nil, source: "local",
                          exitStatus: 1)
        }
    }

    /// A `ServiceError`: a refusal by the service (1), or one the client made itself: the service
    /// was unreachable or too slow (69), the credential was refused (77), the key file is missing
    /// (66) or unusable (78). Errors about the key file never come from a service: only the
    /// client reads it, and names it `keyFile`.
    static func serviceReport(_ error: ServiceError) -> Report {
        let (status, source): (Int32, String)
        switch error.code {
        case .unavailable, .timeout: (status, source) = (69, "client")
        case .unauthenticated, .forbidden: (status, source) = (77, "client")
        case _ where error.field == "keyFile":
            let unreadable = error.message.hasPrefix("cannot read") || error.message.hasPrefix("cannot stat")
            (status, source) = (unreadable ? 66 : 78, "local")
        default: (status, source) = (1, "service")
        }
        let code = source == "local" ? (status == 66 ? LocalFailure.Kind.noInput.code : LocalFailure.Kind.configuration.code)
            : error.code.rawValue
        return Report(code: code, message: error.message, field: error.field, source: source, exitStatus: status)
    }

    /// The exit status for `error`.
    public static func exitStatus(for error: any Error) -> Int32 {
        report(for: error).exitStatus
    }

    /// Prints `error` on standard error, as one JSON object when `json`, and returns the exit status.
    public static func fail(_ error: any Error, json: Bool, output: Output) -> Int32 {
        let report = report(for: error)
        if json {
            output.errorJSON(report)
        } else if let error = error as? ArgumentError {
            output.error(error.report)
        } else {
            output.error("kansli: \(error)")
        }
        return report.exitStatus
    }

    /// Whether `arguments` ask for JSON: for a command line that did not parse, whose flags are
    /// not known yet.
    public static func wantsJSON(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }
}
