import Foundation
import KansliCrypto
import KansliProtocol
import KansliTransport

/// A server key file with one key per role, and the matching client credentials.
public struct TestKeys: Sendable {
    public let admin: ClientCredential
    public let writer: ClientCredential
    public let reader: ClientCredential
    /// The server key file's text.
    public let serverKeyFile: String

    public init() throws {
        func secret() -> [UInt8] { (0..<32).map { _ in UInt8.random(in: 0...255) } }
        let adminSecret = secret(), writerSecret = secret(), readerSecret = secret()
        admin = try ClientCredential(keyID: "test-admin", secret: adminSecret)
        writer = try ClientCredential(keyID: "test-writer", secret: writerSecret)
        reader = try ClientCredential(keyID: "test-reader", secret: readerSecret)
        serverKeyFile = """
            test-admin admin \(Hex.encode(adminSecret))
            test-writer write \(Hex.encode(writerSecret))
            test-reader read \(Hex.encode(readerSecret))

            """
    }

    /// The keyring a server built from `serverKeyFile` holds.
    public func keyring() throws -> Keyring {
        try Keyring.parse(serverKeyFile, source: "test keys")
    }
}
