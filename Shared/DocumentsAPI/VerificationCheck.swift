/// One check of a verification: what was checked, whether it held, and what was found.
public struct VerificationCheck: Codable, Sendable, Equatable {
    /// What was checked, e.g. `document hash`, `signature of isak-utsi`, `§ 12`.
    public var subject: String
    /// Whether it held.
    public var passed: Bool
    /// What was found.
    public var detail: String

    /// A `VerificationCheck`.
    public init(subject: String, passed: Bool, detail: String) {
        self.subject = subject
        self.passed = passed
        self.detail = detail
    }
}
