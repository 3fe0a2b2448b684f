import KansliCrypto
import KansliProtocol

/// The arithmetic of the handshake: the transcript both sides hash, the two proofs of the shared
/// secret, and the two per-direction session keys. docs/PROTOCOL.md specifies each byte.
///
///     transcript = "kansli-handshake-v1" || version (1 byte) || u16 BE length || key id (UTF-8)
///                  || client nonce (32) || server nonce (32) || u16 BE length || service (UTF-8)
///     client proof  = HMAC-SHA256(secret, "client-proof"  || transcript)
///     server proof  = HMAC-SHA256(secret, "server-proof"  || transcript)
///     client→server key = HMAC-SHA256(secret, "client-to-server" || transcript)
///     server→client key = HMAC-SHA256(secret, "server-to-client" || transcript)
public struct HandshakeCrypto: Sendable {
    /// Nonces are this long on both sides.
    public static let nonceByteCount = Handshake.nonceByteCount
    /// The protocol versions this build speaks.
    public static let supportedVersions: [UInt8] = [1]

    public let transcript: [UInt8]

    public init(version: UInt8, keyID: String, clientNonce: [UInt8], serverNonce: [UInt8], service: String) {
        var bytes = Array("kansli-handshake-v1".utf8)
        bytes.append(version)
        HandshakeCrypto.appendLengthPrefixed(Array(keyID.utf8), to: &bytes)
        bytes += clientNonce
        bytes += serverNonce
        HandshakeCrypto.appendLengthPrefixed(Array(service.utf8), to: &bytes)
        transcript = bytes
    }

    private static func appendLengthPrefixed(_ value: [UInt8], to bytes: inout [UInt8]) {
        let length = UInt16(clamping: value.count)
        bytes.append(UInt8(length >> 8))
        bytes.append(UInt8(length & 0xFF))
        bytes += value.prefix(Int(length))
    }

    private func mac(_ label: String, _ secret: [UInt8]) -> [UInt8] {
        var hmac = HMACSHA256(key: secret)
        hmac.update(Array(label.utf8))
        hmac.update(transcript)
        return hmac.finalize()
    }

    /// The client's proof that it holds `secret`.
    public func clientProof(secret: [UInt8]) -> [UInt8] { mac("client-proof", secret) }
    /// The server's proof that it holds `secret`.
    public func serverProof(secret: [UInt8]) -> [UInt8] { mac("server-proof", secret) }
    /// The key that MACs frames the client sends.
    public func clientToServerKey(secret: [UInt8]) -> [UInt8] { mac("client-to-server", secret) }
    /// The key that MACs frames the server sends.
    public func serverToClientKey(secret: [UInt8]) -> [UInt8] { mac("server-to-client", secret) }
}
