import Foundation
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
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        let adminSecret = secret(), writerSecret = secret(), readerSecret = secret()
        admin = try ClientCredential(keyID: "test-admin", secret: adminSecret)
        writer = try ClientCredential(keyID: "test-writer", secret: writerSecret)
        reader = try ClientCredential(keyID: "test-reader", secret: readerSecret)
        serverKeyFile = """
            test-admin admin \(hex(adminSecret))
            test-writer write \(hex(writerSecret))
            test-reader read \(hex(readerSecret))

            """
    }

    /// The keyring a server built from `serverKeyFile` holds.
    public func keyring() throws -> Keyring {
        try Keyring.parse(serverKeyFile, source: "test keys")
    }
}
