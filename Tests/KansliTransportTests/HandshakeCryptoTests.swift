import Foundation
import KansliCrypto
import KansliProtocol
import Testing
@testable import KansliTransport

@Suite("Handshake arithmetic (protocol version 2)")
struct HandshakeCryptoTests {
    /// The inputs of docs/PROTOCOL.md §4.3's test vectors.
    static let clientSecret = (0..<32).map { UInt8($0) }
    static let crypto = HandshakeCrypto(offeredVersions: [2], version: 2, keyID: "demo-admin",
                                        clientNonce: [UInt8](repeating: 0x11, count: 32),
                                        serverNonce: [UInt8](repeating: 0x22, count: 32), service: "registry")
    static var serviceSecret: [UInt8] { HandshakeCrypto.serviceSecret(clientSecret: clientSecret, service: "registry") }

    /// The `name: hex` lines of the protocol document's handshake vectors.
    static func documentedVectors() throws -> [String: [UInt8]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/PROTOCOL.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let start = text.range(of: "<!-- example:handshake-vectors"),
            let end = text.range(of: "<!-- /example:handshake-vectors -->", range: start.upperBound..<text.endIndex)
        else { throw ServiceError(.notFound, "docs/PROTOCOL.md has no handshake-vectors example") }
        var vectors: [String: [UInt8]] = [:]
        var current: String?
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.isEmpty { continue }
            if let colon = trimmed.firstIndex(of: ":") {
                current = String(trimmed[..<colon])
                vectors[current!] = Hex.decode(trimmed[trimmed.index(after: colon)...].replacingOccurrences(of: " ", with: "")) ?? []
            } else if let current {
                vectors[current]! += Hex.decode(trimmed.replacingOccurrences(of: " ", with: "")) ?? []
            }
        }
        return vectors
    }

    @Test("the document's test vectors: service secret, transcript, both proofs and both session keys")
    func documentedVectors() throws {
        let vectors = try Self.documentedVectors()
        #expect(vectors["client secret"] == Self.clientSecret)
        #expect(vectors["service secret"] == Self.serviceSecret)
        #expect(vectors["transcript"] == Self.crypto.transcript)
        #expect(vectors["client proof"] == Self.crypto.clientProof(secret: Self.serviceSecret))
        #expect(vectors["server proof"] == Self.crypto.serverProof(secret: Self.serviceSecret, role: .admin))
        #expect(vectors["client-to-server key"] == Self.crypto.clientToServerKey(secret: Self.serviceSecret))
        #expect(vectors["server-to-client key"] == Self.crypto.serverToClientKey(secret: Self.serviceSecret))
    }

    @Test("the transcript is laid out as docs/PROTOCOL.md §4.1 says")
    func transcriptLayout() {
        let expected = Array("kansli-handshake-v2".utf8) + [1, 2, 2, 0, 10] + Array("demo-admin".utf8)
            + [UInt8](repeating: 0x11, count: 32) + [UInt8](repeating: 0x22, count: 32) + [0, 8] + Array("registry".utf8)
        #expect(Self.crypto.transcript == expected)
    }

    @Test("proofs and keys are HMAC-SHA256 of a label and the transcript, all distinct")
    func labelsSeparateTheValues() {
        let secret = [UInt8](repeating: 0x5A, count: 32)
        let crypto = Self.crypto
        #expect(crypto.clientProof(secret: secret) == HMACSHA256.authenticate(Array("client-proof".utf8) + crypto.transcript, key: secret))
        #expect(crypto.serverProof(secret: secret, role: .read)
            == HMACSHA256.authenticate(Array("server-proof".utf8) + crypto.transcript + [0, 4] + Array("read".utf8), key: secret))
        let values = [crypto.clientProof(secret: secret), crypto.serverProof(secret: secret, role: .read),
                      crypto.clientToServerKey(secret: secret), crypto.serverToClientKey(secret: secret)]
        #expect(Set(values).count == 4)
        #expect(values.allSatisfy { $0.count == 32 })
    }

    @Test("stripping an offered version changes both proofs: a downgrade is detected")
    func offeredVersionsAreBound() {
        let secret = [UInt8](repeating: 0x5A, count: 32)
        let stripped = HandshakeCrypto(offeredVersions: [2], version: 2, keyID: "demo", clientNonce: [UInt8](repeating: 1, count: 32),
                                       serverNonce: [UInt8](repeating: 2, count: 32), service: "registry")
        let offered = HandshakeCrypto(offeredVersions: [2, 3], version: 2, keyID: "demo", clientNonce: [UInt8](repeating: 1, count: 32),
                                      serverNonce: [UInt8](repeating: 2, count: 32), service: "registry")
        #expect(stripped.clientProof(secret: secret) != offered.clientProof(secret: secret))
        #expect(stripped.serverProof(secret: secret, role: .read) != offered.serverProof(secret: secret, role: .read))
    }

    @Test("the granted role is covered by the server's proof")
    func roleIsBound() {
        let secret = [UInt8](repeating: 0x5A, count: 32)
        let proofs = Role.allCases.map { Self.crypto.serverProof(secret: secret, role: $0) }
        #expect(Set(proofs).count == Role.allCases.count)
    }

    @Test("a different nonce or service changes every value")
    func bindsTheTranscript() {
        let secret = [UInt8](repeating: 0x5A, count: 32)
        let other = HandshakeCrypto(offeredVersions: [2], version: 2, keyID: "demo-admin", clientNonce: [UInt8](repeating: 0x11, count: 32),
                                    serverNonce: [UInt8](repeating: 0x22, count: 32), service: "finance")
        #expect(other.clientProof(secret: secret) != Self.crypto.clientProof(secret: secret))
        #expect(other.serverToClientKey(secret: secret) != Self.crypto.serverToClientKey(secret: secret))
    }

    @Test("each service's secret differs, and none is the client's")
    func serviceSecretsDiffer() {
        let secrets = ["registry", "finance", "documents"].map { HandshakeCrypto.serviceSecret(clientSecret: Self.clientSecret, service: $0) }
        #expect(Set(secrets).count == 3)
        #expect(!secrets.contains(Self.clientSecret))
        #expect(secrets.allSatisfy { $0.count == 32 })
    }
}
