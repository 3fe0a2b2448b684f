import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport

/// One client key per role, and for each service the key file that service holds for them (the
/// secrets derived for that service, never the client secrets).
public struct TestKeys: Sendable {
    public let admin: ClientCredential
    public let writer: ClientCredential
    public let reader: ClientCredential
    /// Signer-role keys by person id, with key ids `signer-<person>`.
    public let signers: [String: ClientCredential]

    /// Keys for admin, writer and reader, and a signer key for each of `signers` (person ids).
    public init(signers: [String] = []) throws {
        admin = try ClientCredential(keyID: "test-admin", secret: SecureRandom.bytes(32))
        writer = try ClientCredential(keyID: "test-writer", secret: SecureRandom.bytes(32))
        reader = try ClientCredential(keyID: "test-reader", secret: SecureRandom.bytes(32))
        var keys: [String: ClientCredential] = [:]
        for person in signers { keys[person] = try ClientCredential(keyID: "signer-\(person)", secret: SecureRandom.bytes(32)) }
        self.signers = keys
    }

    /// The key file of the service named `service`: a line per key with its role and the secret
    /// derived for that service.
    public func serverKeyFile(forService service: String) -> String {
        """
        # the \(service) service's keys (test)
        \(admin.serverKeyLine(forService: service, role: .admin))
        \(writer.serverKeyLine(forService: service, role: .write))
        \(reader.serverKeyLine(forService: service, role: .read))
        \(signers.keys.sorted().map { signers[$0]!.serverKeyLine(forService: service, role: .signer) }.joined(separator: "\n"))

        """
    }

    /// The keyring a server of `service` built from `serverKeyFile(forService:)` holds.
    public func keyring(forService service: String = "registry") throws -> Keyring {
        try Keyring.parse(serverKeyFile(forService: service), source: "test keys for \(service)")
    }
}
