import KansliCrypto
import KansliProtocol

/// The arithmetic of the handshake (protocol version 2): the transcript both sides hash, the two
/// proofs of the shared secret, the two per-direction session keys, and the per-service secret.
/// docs/PROTOCOL.md §4.1 specifies each byte and gives test vectors.
///
///     transcript = "kansli-handshake-v2" || u8 count || offered versions (as in the hello)
///                  || chosen version (1 byte) || u16 BE length || key id (UTF-8)
///                  || client nonce (32) || server nonce (32) || u16 BE length || service (UTF-8)
///     client proof  = HMAC-SHA256(secret, "client-proof"  || transcript)
///     server proof  = HMAC-SHA256(secret, "server-proof"  || transcript || u16 BE length || role)
///     client→server key = HMAC-SHA256(secret, "client-to-server" || transcript)
///     server→client key = HMAC-SHA256(secret, "server-to-client" || transcript)
///
/// `secret` is the service secret, `serviceSecret(clientSecret:service:)`: what the service's
/// key file holds, so no service holds a secret that opens another.
///
/// The offered versions are in the transcript, so a peer in the middle that strips a later
/// version from the hello (to force an older one) makes both proofs fail; the role is in the
/// server's proof, so it cannot be changed in the welcome.
public struct HandshakeCrypto: Sendable {
    /// Nonces are this long on both sides.
    public static let nonceByteCount = Handshake.nonceByteCount
    /// The protocol versions this build speaks. Version 1 (whose transcript bound neither the
    /// offered versions nor the role) is refused.
    public static let supportedVersions: [UInt8] = [2]
    /// The HKDF salt of the per-service secret.
    static let serviceSecretSalt = Array("kansli-service-secret-v2".utf8)

    public let transcript: [UInt8]

    public init(offeredVersions: [UInt8], version: UInt8, keyID: String, clientNonce: [UInt8], serverNonce: [UInt8],
                service: String) {
        var bytes = Array("kansli-handshake-v2".utf8)
        let offered = offeredVersions.prefix(Int(UInt8.max))
        bytes.append(UInt8(offered.count))
        bytes += offered
        bytes.append(version)
        HandshakeCrypto.appendLengthPrefixed(Array(keyID.utf8), to: &bytes)
        bytes += clientNonce
        bytes += serverNonce
        HandshakeCrypto.appendLengthPrefixed(Array(service.utf8), to: &bytes)
        transcript = bytes
    }

    /// The secret a service's key file holds for a client key: HKDF-SHA256 of the client's
    /// secret, salt `kansli-service-secret-v2`, info the service's name, 32 bytes.
    public static func serviceSecret(clientSecret: [UInt8], service: String) -> [UInt8] {
        HKDF.deriveKey(ikm: clientSecret, salt: serviceSecretSalt, info: Array(service.utf8), count: 32)
    }

    private static func appendLengthPrefixed(_ value: [UInt8], to bytes: inout [UInt8]) {
        let length = UInt16(clamping: value.count)
        bytes.append(UInt8(length >> 8))
        bytes.append(UInt8(length & 0xFF))
        bytes += value.prefix(Int(length))
    }

    private func mac(_ label: String, _ secret: [UInt8], suffix: [UInt8] = []) -> [UInt8] {
        var hmac = HMACSHA256(key: secret)
        hmac.update(Array(label.utf8))
        hmac.update(transcript)
        hmac.update(suffix)
        return hmac.finalize()
    }

    /// The client's proof that it holds `secret`.
    public func clientProof(secret: [UInt8]) -> [UInt8] { mac("client-proof", secret) }
    /// The server's proof that it holds `secret` and grants `role`.
    public func serverProof(secret: [UInt8], role: Role) -> [UInt8] {
        var suffix: [UInt8] = []
        HandshakeCrypto.appendLengthPrefixed(Array(role.rawValue.utf8), to: &suffix)
        return mac("server-proof", secret, suffix: suffix)
    }
    /// The key that MACs frames the client sends.
    public func clientToServerKey(secret: [UInt8]) -> [UInt8] { mac("client-to-server", secret) }
    /// The key that MACs frames the server sends.
    public func serverToClientKey(secret: [UInt8]) -> [UInt8] { mac("server-to-client", secret) }
}
