import KansliProtocol

/// A person who must sign the protocol, once, for every role they hold.
public struct RequiredSigner: Codable, Sendable, Equatable {
    /// The person's id.
    public var person: String
    /// The name.
    public var name: String
    /// The roles they sign for.
    public var roles: [SignerRole]
    /// The paragraphs they chaired (for the chair role).
    public var paragraphs: [Int]

    /// A `RequiredSigner`.
    public init(person: String, name: String, roles: [SignerRole] = [], paragraphs: [Int] = []) {
        self.person = person
        self.name = name
        self.roles = roles
        self.paragraphs = paragraphs
    }
}
