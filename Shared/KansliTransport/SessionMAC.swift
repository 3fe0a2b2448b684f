import KansliCrypto

/// The MAC of one direction of an authenticated connection: HMAC-SHA256 under that direction's
/// session key over a 64-bit sequence number, the first 40 header bytes and the payload as sent,
/// truncated to 16 bytes. The sequence number counts the frames sent in that direction since the
/// handshake, from 0, so a replayed, dropped or reordered frame fails verification.
struct SessionMAC {
    static let byteCount = 16

    /// The keyed HMAC state; copied per frame so the key is not hashed again.
    private let keyed: HMACSHA256
    private(set) var sequence: UInt64 = 0

    init(key: [UInt8]) {
        keyed = HMACSHA256(key: key)
    }

    /// The MAC of the next frame in this direction; advances the sequence number.
    mutating func next(headerPrefix: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer) -> [UInt8] {
        var hmac = keyed
        var counter = sequence.bigEndian
        withUnsafeBytes(of: &counter) { hmac.update($0) }
        hmac.update(headerPrefix)
        hmac.update(payload)
        sequence &+= 1
        return Array(hmac.finalize().prefix(SessionMAC.byteCount))
    }
}
