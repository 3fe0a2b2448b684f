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

    public init() throws {
        admin = try ClientCredential(keyID: "test-admin", secret: SecureRandom.bytes(32))
        writer = try ClientCredential(keyID: "test-writer", secret: SecureRandom.bytes(32))
        reader = try ClientCredential(keyID: "test-reader", secret: SecureRandom.bytes(32))
    }

    /// The key file of the service named `service`: a line per key with its role and the secret
    /// derived for that service.
    public func serverKeyFile(forService service: String) -> String {
        """
        # the \(service) service's keys (test)
        \(admin.serverKeyLine(forService: service, role: .admin))
        \(writer.serverKeyLine(forService: service, role: .write))
        \(reader.serverKeyLine(forService: service, role: .read))

        """
    }

    /// The keyring a server of `service` built from `serverKeyFile(forService:)` holds.
    public func keyring(forService service: String = "registry") throws -> Keyring {
        try Keyring.parse(serverKeyFile(forService: service), source: "test keys for \(service)")
    }
}
