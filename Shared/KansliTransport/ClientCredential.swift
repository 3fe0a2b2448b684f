import KansliPlatform
import KansliCrypto
import KansliProtocol

/// What a client authenticates with: a key id and its client secret. The secret never crosses the
/// wire and no service holds it: the handshake proves possession of the secret derived for the
/// service it talks to (`secret(forService:)`), which is what that service's key file holds.
///
/// It never prints its secret: `description`, `debugDescription` and `dump` show the key id only.
public struct ClientCredential: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The public name of the key, e.g. `demo-admin`; the server's audit trail records it.
    public let keyID: String
    /// The client secret (at least 16 bytes; 32 random bytes recommended).
    public let secret: [UInt8]

    public init(keyID: String, secret: [UInt8]) throws {
        try Keyring.validate(keyID: keyID)
        guard secret.count >= Keyring.minimumSecretBytes else {
            throw ServiceError(.validation, "the secret for key \(ServiceError.quote(keyID)) has \(secret.count) bytes; at least \(Keyring.minimumSecretBytes) are required", field: "secret")
        }
        self.keyID = keyID
        self.secret = secret
    }

    /// The secret the service named `service` holds for this key, and proves in the handshake:
    /// HKDF-SHA256 of the client secret with the service's name (docs/PROTOCOL.md §4.1).
    public func secret(forService service: String) -> [UInt8] {
        HandshakeCrypto.serviceSecret(clientSecret: secret, service: service)
    }

    /// The line of `service`'s key file for this key: `key-id role service-secret-hex`.
    public func serverKeyLine(forService service: String, role: Role) -> String {
        "\(keyID) \(role.rawValue) \(Hex.encode(secret(forService: service)))"
    }

    /// The client key file for this key: one line `key-id secret-hex`.
    public var keyFileText: String {
        "# Kansli client key \(keyID): keep this file private (chmod 600).\n\(keyID) \(Hex.encode(secret))\n"
    }

    public var description: String { "ClientCredential(keyID: \(keyID), secret: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keyID": keyID, "secret": "<redacted>"]) }

    /// Reads `KANSLI_KEY_ID` and `KANSLI_SECRET` (hex), or the file named by `KANSLI_KEY_FILE`
    /// (see `load(path:)`), from `environment`.
    public static func fromEnvironment(_ environment: [String: String]) throws -> ClientCredential? {
        if let path = environment["KANSLI_KEY_FILE"], !path.isEmpty {
            return try load(path: path)
        }
        guard let keyID = environment["KANSLI_KEY_ID"], let secretHex = environment["KANSLI_SECRET"] else {
            return nil
        }
        guard let secret = Hex.decode(secretHex.trimmingWhitespace()) else {
            throw ServiceError(.validation, "KANSLI_SECRET is not hexadecimal", field: "KANSLI_SECRET")
        }
        return try ClientCredential(keyID: keyID, secret: secret)
    }

    /// Reads a client key file: exactly one key line `key-id secret-hex`; `#` starts a comment,
    /// blank lines are skipped. Refused when anyone but its owner may read it (`chmod 600`).
    public static func load(path: String) throws -> ClientCredential {
        try parse(try KeyFile.read(path, owner: .client), source: path)
    }

    /// Parses the text of a client key file; errors name `source` and the line.
    public static func parse(_ text: String, source: String) throws -> ClientCredential {
        let lines = KeyFile.lines(text)
        guard let line = lines.first else {
            throw ServiceError(.validation, "\(source) holds no key: expected one line `key-id secret-hex`", field: "keyFile")
        }
        guard lines.count == 1 else {
            throw ServiceError(.validation, "\(source):\(lines[1].number): a client key file holds one key; this is a second", field: "keyFile")
        }
        guard line.words.count == 2, let secret = Hex.decode(String(line.words[1])) else {
            throw ServiceError(.validation, "\(source):\(line.number): expected `key-id secret-hex`", field: "keyFile")
        }
        do {
            return try ClientCredential(keyID: String(line.words[0]), secret: secret)
        } catch let error as ServiceError {
            throw ServiceError(.validation, "\(source):\(line.number): \(error.message)", field: "keyFile")
        }
    }
}
