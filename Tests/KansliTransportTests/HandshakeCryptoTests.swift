import KansliCrypto
import Testing
@testable import KansliTransport

@Suite("Handshake arithmetic")
struct HandshakeCryptoTests {
    let crypto = HandshakeCrypto(version: 1, keyID: "demo", clientNonce: [UInt8](repeating: 1, count: 32),
                                 serverNonce: [UInt8](repeating: 2, count: 32), service: "registry")

    @Test("the transcript is laid out as docs/PROTOCOL.md §4.1 says")
    func transcriptLayout() {
        let expected = Array("kansli-handshake-v1".utf8) + [1, 0, 4] + Array("demo".utf8)
            + [UInt8](repeating: 1, count: 32) + [UInt8](repeating: 2, count: 32) + [0, 8] + Array("registry".utf8)
        #expect(crypto.transcript == expected)
    }

    @Test("proofs and keys are HMAC-SHA256 of a label and the transcript, all distinct")
    func labelsSeparateTheValues() {
        let secret = [UInt8](repeating: 0x5A, count: 32)
        #expect(crypto.clientProof(secret: secret) == HMACSHA256.authenticate(Array("client-proof".utf8) + crypto.transcript, key: secret))
        let values = [crypto.clientProof(secret: secret), crypto.serverProof(secret: secret),
                      crypto.clientToServerKey(secret: secret), crypto.serverToClientKey(secret: secret)]
        #expect(Set(values.map { $0 }).count == 4)
        #expect(values.allSatisfy { $0.count == 32 })
    }

    @Test("a different nonce or service changes every value")
    func bindsTheTranscript() {
        let secret = [UInt8](repeating: 0x5A, count: 32)
        let other = HandshakeCrypto(version: 1, keyID: "demo", clientNonce: [UInt8](repeating: 1, count: 32),
                                    serverNonce: [UInt8](repeating: 2, count: 32), service: "finance")
        #expect(other.clientProof(secret: secret) != crypto.clientProof(secret: secret))
        #expect(other.serverToClientKey(secret: secret) != crypto.serverToClientKey(secret: secret))
    }
}
