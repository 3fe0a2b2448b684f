/// The messages of the connection handshake, in the order they are sent. See docs/PROTOCOL.md,
/// "Handshake", for how the MACs and the session key are computed.
public enum Handshake {
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
