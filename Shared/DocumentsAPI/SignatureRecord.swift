import KansliPlatform
import KansliProtocol

/// A signature the service accepted, with the snapshot of what it relied on: the signer's
/// name, roles and public key as they were when it was given.
public struct SignatureRecord: Codable, Sendable, Equatable {
    /// The signer's person id.
    public var person: String
    /// The signer's name as the statement gives it.
    public var name: String
    /// The roles signed for.
    public var roles: [SignerRole]
    /// The registry's id of the key that verified it.
    public var keyID: String
    /// The Ed25519 public key, 64 hexadecimal digits.
    public var publicKey: String
    /// The statement signed, exactly (docs/SIGNING.md §2).
    public var statement: String
    /// The raw 64-byte signature.
    public var signature: [UInt8]
    /// The statement's time (when it was signed).
    public var signedAt: Timestamp

    /// A `SignatureRecord`.
    public init(person: String, name: String, roles: [SignerRole], keyID: String, publicKey: String, statement: String,
                signature: [UInt8], signedAt: Timestamp) {
        self.person = person
        self.name = name
        self.roles = roles
        self.keyID = keyID
        self.publicKey = publicKey
        self.statement = statement
        self.signature = signature
        self.signedAt = signedAt
    }
}
