/// The messages of the connection handshake, in the order they are sent. See docs/PROTOCOL.md,
/// "Handshake", for how the MACs and the session key are computed.
public enum Handshake {
    /// Nonces are this long on both sides.
    public static let nonceByteCount = 32
    /// Proofs (HMAC-SHA256) are this long.
    public static let proofByteCount = 32
    /// A hello may offer at most this many protocol versions.
    public static let maxOfferedVersions = 16
    /// Key ids are 1…64 bytes of printable ASCII without spaces or `#` (they appear in every
    /// audit entry and log line, and in key files where `#` starts a comment).
    public static let maxKeyIDBytes = 64

    /// Whether `name` is a well-formed service name: 1–32 lowercase ASCII letters, digits or `-`.
    public static func isValid(serviceName name: String) -> Bool {
        let bytes = name.utf8
        return (1...32).contains(bytes.count)
            && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether `keyID` is a well-formed key id.
    public static func isValid(keyID: String) -> Bool {
        let bytes = keyID.utf8
        return !bytes.isEmpty && bytes.count <= maxKeyIDBytes
            && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "#") }
    }
    /// Client → server (frame kind `hello`): the protocol versions the client speaks, the key id
    /// it authenticates with, and 32 random bytes.
    public struct Hello: Codable, Sendable, Equatable {
        public var versions: [UInt8]
        public var keyID: String
        public var clientNonce: [UInt8]
        public init(versions: [UInt8], keyID: String, clientNonce: [UInt8]) {
            self.versions = versions
            self.keyID = keyID
            self.clientNonce = clientNonce
        }

        /// Checks every field's length and count — the first thing a server does with a hello,
        /// before it logs, formats or looks up anything in it. Throws `bad_request` naming the
        /// field; the key id is quoted only shortened.
        public func validate() throws(ServiceError) {
            guard clientNonce.count == Handshake.nonceByteCount else {
                throw ServiceError(.badRequest, "the client nonce must be \(Handshake.nonceByteCount) bytes, got \(clientNonce.count)",
                                   field: "clientNonce")
            }
            guard (1...Handshake.maxOfferedVersions).contains(versions.count) else {
                throw ServiceError(.badRequest, "a hello offers 1–\(Handshake.maxOfferedVersions) protocol versions, got \(versions.count)",
                                   field: "versions")
            }
            guard Handshake.isValid(keyID: keyID) else {
                throw ServiceError(.badRequest, "the key id \(ServiceError.quote(keyID)) (\(keyID.utf8.count) bytes) is not 1–\(Handshake.maxKeyIDBytes) printable ASCII characters without spaces or #",
                                   field: "keyID")
            }
        }
    }

    /// Server → client (frame kind `challenge`): the version chosen and 32 random bytes.
    public struct Challenge: Codable, Sendable, Equatable {
        public var version: UInt8
        public var serverNonce: [UInt8]
        /// The service answering (`registry`, `finance`, `documents`), so a client that dialled
        /// the wrong port learns it before authenticating.
        public var service: String
        public init(version: UInt8, serverNonce: [UInt8], service: String) {
            self.version = version
            self.serverNonce = serverNonce
            self.service = service
        }
    }

    /// Client → server (frame kind `authenticate`): proof that the client holds the key's secret.
    public struct Authenticate: Codable, Sendable, Equatable {
        public var proof: [UInt8]
        public init(proof: [UInt8]) { self.proof = proof }

        /// Checks the proof's length. Throws `bad_request` on the field `proof`.
        public func validate() throws(ServiceError) {
            guard proof.count == Handshake.proofByteCount else {
                throw ServiceError(.badRequest, "the proof must be \(Handshake.proofByteCount) bytes, got \(proof.count)", field: "proof")
            }
        }
    }

    /// Server → client (frame kind `welcome`): the role granted and the server's own proof that it
    /// holds the same secret, so the client knows it is not talking to an impostor.
    public struct Welcome: Codable, Sendable, Equatable {
        public var role: Role
        public var proof: [UInt8]
        public init(role: Role, proof: [UInt8]) {
            self.role = role
            self.proof = proof
        }
    }
}
