import KansliCrypto
import KansliProtocol

/// A service's table of client keys: for each key id, its role and one or two service secrets
/// (two while a secret is being rotated, so clients can switch without downtime). A service
/// secret is the one derived for this service from the client's secret
/// (`ClientCredential.secret(forService:)`): the file opens no other service.
///
/// It never prints a secret: `description` and `dump` show key ids and roles only.
public struct Keyring: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Secrets shorter than this are refused.
    public static let minimumSecretBytes = 16
    /// Key ids longer than this are refused (they appear in every audit entry and log line).
    public static let maximumKeyIDBytes = Handshake.maxKeyIDBytes

    /// One client key as the service knows it.
    public struct Entry: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        public let keyID: String
        public let role: Role
        /// One or two secrets; a client proving either is accepted.
        public let secrets: [[UInt8]]

        public init(keyID: String, role: Role, secrets: [[UInt8]]) throws {
            try Keyring.validate(keyID: keyID)
            guard (1...2).contains(secrets.count) else {
                throw ServiceError(.validation, "key \(ServiceError.quote(keyID)) must have one or two secrets, has \(secrets.count)", field: "secrets")
            }
            for secret in secrets where secret.count < Keyring.minimumSecretBytes {
                throw ServiceError(.validation, "a secret of key \(ServiceError.quote(keyID)) has \(secret.count) bytes; at least \(Keyring.minimumSecretBytes) are required", field: "secrets")
            }
            self.keyID = keyID
            self.role = role
            self.secrets = secrets
        }

        /// Whether `secret` is one of this key's secrets (compared in constant time).
        public func accepts(secret: [UInt8]) -> Bool {
            secrets.contains { ConstantTime.equals($0, secret) }
        }

        public var description: String { "\(keyID) \(role.rawValue) <\(secrets.count) secret\(secrets.count == 1 ? "" : "s") redacted>" }
        public var debugDescription: String { description }
        public var customMirror: Mirror {
            Mirror(self, children: ["keyID": keyID, "role": role, "secrets": "<\(secrets.count) redacted>"])
        }
    }

    private var entries: [String: Entry] = [:]

    public init(_ entries: [Entry] = []) throws {
        for entry in entries {
            guard self.entries[entry.keyID] == nil else {
                throw ServiceError(.validation, "key id \(ServiceError.quote(entry.keyID)) appears twice", field: "keyID")
            }
            self.entries[entry.keyID] = entry
        }
    }

    /// The entry for `keyID`, if the service knows it.
    public func entry(for keyID: String) -> Entry? { entries[keyID] }

    /// The number of keys.
    public var count: Int { entries.count }

    /// The key ids, sorted.
    public var keyIDs: [String] { entries.keys.sorted() }

    public var description: String { "Keyring(\(entries.values.sorted { $0.keyID < $1.keyID }.map(\.description).joined(separator: ", ")))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keys": keyIDs]) }

    /// Parses a service key file: one key per line, `key-id role secret-hex [second-secret-hex]`,
    /// where role is `read`, `write`, `admin` or `signer`; `#` starts a comment, blank lines are
    /// skipped (the same rules as a client key file: `KeyFile`). Errors name the line.
    public static func parse(_ text: String, source: String) throws -> Keyring {
        var result: [Entry] = []
        for line in KeyFile.lines(text) {
            let words = line.words
            let location = "\(source):\(line.number)"
            guard (3...4).contains(words.count) else {
                throw ServiceError(.validation, "\(location): expected `key-id role secret-hex [second-secret-hex]`", field: "keys")
            }
            guard let role = Role(rawValue: String(words[1])) else {
                let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw ServiceError(.validation, "\(location): role must be one of \(roles), got \(ServiceError.quote(words[1]))", field: "keys")
            }
            var secrets: [[UInt8]] = []
            for word in words[2...] {
                guard let secret = Hex.decode(String(word)) else {
                    throw ServiceError(.validation, "\(location): a secret is not hexadecimal", field: "keys")
                }
                secrets.append(secret)
            }
            do {
                result.append(try Entry(keyID: String(words[0]), role: role, secrets: secrets))
            } catch let error as ServiceError {
                throw ServiceError(.validation, "\(location): \(error.message)", field: "keys")
            }
        }
        do {
            return try Keyring(result)
        } catch let error as ServiceError {
            throw ServiceError(.validation, "\(source): \(error.message)", field: "keys")
        }
    }

    /// Reads and parses a service key file. Refused when others may read it or its group may
    /// change it (it must be `chmod 640` or `600`), and when it holds no key: a service with no
    /// keys could answer no one, which is never what was meant.
    public static func load(path: String) throws -> Keyring {
        let keyring = try parse(try KeyFile.read(path, owner: .service), source: path)
        guard keyring.count > 0 else {
            throw ServiceError(.validation, "\(path) holds no keys (only comments or blank lines): add a line per client key; `kansli keys server-line` makes one", field: "keys")
        }
        return keyring
    }

    static func validate(keyID: String) throws {
        guard Handshake.isValid(keyID: keyID) else {
            throw ServiceError(.validation, "key id \(ServiceError.quote(keyID)) must be 1–\(maximumKeyIDBytes) printable ASCII characters without spaces or #", field: "keyID")
        }
    }
}
