import KansliCrypto
import KansliProtocol

#if canImport(Glibc)
import Glibc
#endif

/// What a client authenticates with: a key id and its secret. The secret never crosses the wire;
/// the handshake proves possession of it with HMAC-SHA256.
public struct ClientCredential: Sendable {
    /// The public name of the key, e.g. `demo-admin`; the server's audit trail records it.
    public let keyID: String
    /// The shared secret (at least 16 bytes; 32 random bytes recommended).
    public let secret: [UInt8]

    public init(keyID: String, secret: [UInt8]) throws {
        try Keyring.validate(keyID: keyID)
        guard secret.count >= Keyring.minimumSecretBytes else {
            throw ServiceError(.validation, "the secret for key \"\(keyID)\" has \(secret.count) bytes; at least \(Keyring.minimumSecretBytes) are required", field: "secret")
        }
        self.keyID = keyID
        self.secret = secret
    }

    /// Reads `KANSLI_KEY_ID` and `KANSLI_SECRET` (hex), or the file named by `KANSLI_KEY_FILE`
    /// (one line: `key-id secret-hex`), from `environment`.
    public static func fromEnvironment(_ environment: [String: String]) throws -> ClientCredential? {
        if let path = environment["KANSLI_KEY_FILE"], !path.isEmpty {
            return try load(path: path)
        }
        guard let keyID = environment["KANSLI_KEY_ID"], let secretHex = environment["KANSLI_SECRET"] else {
            return nil
        }
        guard let secret = Hex.decode(secretHex.trimmingWhitespace) else {
            throw ServiceError(.validation, "KANSLI_SECRET is not hexadecimal", field: "KANSLI_SECRET")
        }
        return try ClientCredential(keyID: keyID, secret: secret)
    }

    /// Reads a client key file: one line `key-id secret-hex`; `#` starts a comment.
    public static func load(path: String) throws -> ClientCredential {
        let text = try readTextFile(path)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: "#", maxSplits: 1).first.map { $0.split(whereSeparator: \.isWhitespace) } ?? []
            if words.isEmpty { continue }
            guard words.count == 2, let secret = Hex.decode(String(words[1])) else {
                throw ServiceError(.validation, "\(path):\(number + 1): expected `key-id secret-hex`", field: "keyFile")
            }
            return try ClientCredential(keyID: String(words[0]), secret: secret)
        }
        throw ServiceError(.validation, "\(path) holds no key", field: "keyFile")
    }
}

/// The server's table of client keys: for each key id, its role and one or two secrets (two while
/// a secret is being rotated, so clients can switch without downtime).
public struct Keyring: Sendable {
    /// Secrets shorter than this are refused.
    public static let minimumSecretBytes = 16
    /// Key ids longer than this are refused (they appear in every audit entry and log line).
    public static let maximumKeyIDBytes = Handshake.maxKeyIDBytes

    /// One client key as the server knows it.
    public struct Entry: Sendable {
        public let keyID: String
        public let role: Role
        /// One or two secrets; a client proving either is accepted.
        public let secrets: [[UInt8]]

        public init(keyID: String, role: Role, secrets: [[UInt8]]) throws {
            try Keyring.validate(keyID: keyID)
            guard (1...2).contains(secrets.count) else {
                throw ServiceError(.validation, "key \"\(keyID)\" must have one or two secrets, has \(secrets.count)", field: "secrets")
            }
            for secret in secrets where secret.count < Keyring.minimumSecretBytes {
                throw ServiceError(.validation, "a secret of key \"\(keyID)\" has \(secret.count) bytes; at least \(Keyring.minimumSecretBytes) are required", field: "secrets")
            }
            self.keyID = keyID
            self.role = role
            self.secrets = secrets
        }

        /// Whether `secret` is one of this key's secrets (compared in constant time).
        public func accepts(secret: [UInt8]) -> Bool {
            secrets.contains { ConstantTime.equals($0, secret) }
        }
    }

    private var entries: [String: Entry] = [:]

    public init(_ entries: [Entry] = []) throws {
        for entry in entries {
            guard self.entries[entry.keyID] == nil else {
                throw ServiceError(.validation, "key id \"\(entry.keyID)\" appears twice", field: "keyID")
            }
            self.entries[entry.keyID] = entry
        }
    }

    /// The entry for `keyID`, if the server knows it.
    public func entry(for keyID: String) -> Entry? { entries[keyID] }

    /// The number of keys.
    public var count: Int { entries.count }

    /// Parses a server key file: one key per line, `key-id role secret-hex [second-secret-hex]`,
    /// where role is `read`, `write` or `admin`; `#` starts a comment. Errors name the line.
    public static func parse(_ text: String, source: String) throws -> Keyring {
        var result: [Entry] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.split(whereSeparator: \.isWhitespace) } ?? []
            if words.isEmpty { continue }
            let location = "\(source):\(number + 1)"
            guard (3...4).contains(words.count) else {
                throw ServiceError(.validation, "\(location): expected `key-id role secret-hex [second-secret-hex]`", field: "keys")
            }
            guard let role = Role(rawValue: String(words[1])) else {
                throw ServiceError(.validation, "\(location): role must be read, write or admin, got \"\(words[1])\"", field: "keys")
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
        return try Keyring(result)
    }

    /// Reads and parses a server key file.
    public static func load(path: String) throws -> Keyring {
        try parse(try readTextFile(path), source: path)
    }

    static func validate(keyID: String) throws {
        guard Handshake.isValid(keyID: keyID) else {
            throw ServiceError(.validation, "key id \(ServiceError.quote(keyID)) must be 1–\(maximumKeyIDBytes) printable ASCII characters without spaces or #", field: "keyID")
        }
    }
}

/// Reads a whole (small) text file, with an error that names the file.
func readTextFile(_ path: String) throws -> String {
    guard let file = fopen(path, "rb") else {
        throw ServiceError(.validation, "cannot read \(path): \(String(cString: strerror(errno)))", field: "path")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
        if bytes.count > 1 << 20 {
            throw ServiceError(.tooLarge, "\(path) is larger than 1 MiB", field: "path")
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
