/// Ed25519 keys as PEM text (RFC 7468 armour over the DER of RFC 8410): what OpenSSL and Python's
/// `cryptography` write and read.
///
/// - A public key is a SubjectPublicKeyInfo, `-----BEGIN PUBLIC KEY-----`, DER
///   `30 2a 30 05 06 03 2b 65 70 03 21 00` followed by the 32 key bytes.
/// - A private key is a PKCS #8 PrivateKeyInfo (version 0), `-----BEGIN PRIVATE KEY-----`, DER
///   `30 2e 02 01 00 30 05 06 03 2b 65 70 04 22 04 20` followed by the 32-byte seed.
///
/// Reading is strict: exactly one armoured block with the expected label, base64 in lines of 64
/// characters (the last may be shorter) with canonical padding, and exactly the DER above; line
/// ends may be LF or CRLF, and a final line end is optional. Anything else is an
/// ``Ed25519Error`` (``Ed25519Error/Code/malformedPEM`` or ``Ed25519Error/Code/unexpectedDER``)
/// that says what is wrong and where, quoting the armour lines shortened but never the base64
/// (which may hold a seed). Writing gives the form `cryptography` writes, LF line ends and a final
/// line end, byte for byte.
public enum Ed25519PEM {
    /// The longest PEM text the parsers look at (bytes); a key needs about 120. Longer text is
    /// refused before it is split or decoded.
    public static let maximumTextByteCount = 4096

    /// The DER of a SubjectPublicKeyInfo for Ed25519, without the 32 key bytes.
    internal static let publicKeyDERPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]
    /// The DER of a PKCS #8 PrivateKeyInfo for Ed25519, without the 32 seed bytes.
    internal static let privateKeyDERPrefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
                                                        0x04, 0x22, 0x04, 0x20]

    private static let publicLabel = "PUBLIC KEY"
    private static let privateLabel = "PRIVATE KEY"

    /// `key` as a SubjectPublicKeyInfo PEM block ending in a line feed.
    public static func encode(_ key: Ed25519.PublicKey) -> String {
        armour(publicKeyDERPrefix + key.bytes, label: publicLabel)
    }

    /// `key`'s seed as an unencrypted PKCS #8 PEM block ending in a line feed. The text holds the
    /// secret: store it as carefully as the key.
    public static func encode(_ key: Ed25519.PrivateKey) -> String {
        armour(privateKeyDERPrefix + key.seed, label: privateLabel)
    }

    /// The public key in a `-----BEGIN PUBLIC KEY-----` block.
    ///
    /// - Throws: ``Ed25519Error``: ``Ed25519Error/Code/malformedPEM`` for the armour or the base64,
    ///   ``Ed25519Error/Code/unexpectedDER`` unless the DER is exactly an Ed25519
    ///   SubjectPublicKeyInfo, or the error of ``Ed25519/PublicKey/init(bytes:)`` when the 32
    ///   bytes are not a point.
    public static func publicKey(fromPEM text: String) throws(Ed25519Error) -> Ed25519.PublicKey {
        let der = try dearmour(text, label: publicLabel)
        let keyBytes = try payload(of: der, prefix: publicKeyDERPrefix, structure: "SubjectPublicKeyInfo")
        return try Ed25519.PublicKey(bytes: keyBytes)
    }

    /// The private key in a `-----BEGIN PRIVATE KEY-----` block (unencrypted PKCS #8).
    ///
    /// - Throws: ``Ed25519Error``: ``Ed25519Error/Code/malformedPEM`` for the armour or the base64,
    ///   ``Ed25519Error/Code/unexpectedDER`` unless the DER is exactly an Ed25519 PrivateKeyInfo
    ///   of version 0 holding a 32-byte seed (no attributes, no public key).
    public static func privateKey(fromPEM text: String) throws(Ed25519Error) -> Ed25519.PrivateKey {
        let der = try dearmour(text, label: privateLabel)
        let seed = try payload(of: der, prefix: privateKeyDERPrefix, structure: "PKCS #8 PrivateKeyInfo")
        return try Ed25519.PrivateKey(seed: seed)
    }

    // MARK: - Armour

    private static func armour(_ der: [UInt8], label: String) -> String {
        let body = base64Encode(der)
        var text = "-----BEGIN \(label)-----\n"
        var start = body.startIndex
        while start < body.endIndex {
            let end = body.index(start, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            text += body[start..<end] + "\n"
            start = end
        }
        return text + "-----END \(label)-----\n"
    }

    /// The DER bytes inside the one block labelled `label`.
    private static func dearmour(_ text: String, label: String) throws(Ed25519Error) -> [UInt8] {
        let utf8 = text.utf8
        guard utf8.count <= maximumTextByteCount else {
            throw Ed25519Error(.malformedPEM, "the PEM text is \(utf8.count) bytes, more than the \(maximumTextByteCount) a key can need")
        }
        var lines = utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : Array(line)
        }
        // One final line end is allowed; it leaves one empty string after the last line.
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        let begin = "-----BEGIN \(label)-----", end = "-----END \(label)-----"
        guard let first = lines.first, first.elementsEqual(begin.utf8) else {
            throw Ed25519Error(.malformedPEM, "line 1 must be \(begin), not \(quote(lines.first ?? []))")
        }
        guard let endIndex = lines.firstIndex(where: { $0.starts(with: "-----END ".utf8) }) else {
            throw Ed25519Error(.malformedPEM, "there is no \(end) line")
        }
        guard lines[endIndex].elementsEqual(end.utf8) else {
            throw Ed25519Error(.malformedPEM, "line \(endIndex + 1) must be \(end), not \(quote(lines[endIndex]))")
        }
        guard endIndex == lines.count - 1 else {
            throw Ed25519Error(.malformedPEM,
                               "line \(endIndex + 2) follows the \(end) line: a PEM text here holds exactly one key and nothing after it")
        }
        let body = lines[1..<endIndex]
        guard !body.isEmpty else {
            throw Ed25519Error(.malformedPEM, "there is no base64 between the BEGIN and END lines")
        }
        var encoded: [UInt8] = []
        for (offset, line) in body.enumerated() {
            let lineNumber = offset + 2
            let isLast = offset == body.count - 1
            guard isLast ? (1...64).contains(line.count) : line.count == 64 else {
                throw Ed25519Error(.malformedPEM, isLast
                    ? "line \(lineNumber) has \(line.count) characters; the last base64 line has 1 to 64"
                    : "line \(lineNumber) has \(line.count) characters; base64 lines before the last have exactly 64")
            }
            encoded += line
        }
        return try base64Decode(encoded, firstLine: 2)
    }

    /// The 32 bytes after `prefix`, when `der` is exactly `prefix` and 32 bytes.
    private static func payload(of der: [UInt8], prefix: [UInt8], structure: String) throws(Ed25519Error) -> [UInt8] {
        let expectedCount = prefix.count + 32
        guard der.count == expectedCount else {
            throw Ed25519Error(.unexpectedDER, "the DER is \(der.count) bytes; an Ed25519 \(structure) is exactly \(expectedCount)")
        }
        if let mismatch = prefix.indices.first(where: { der[$0] != prefix[$0] }) {
            throw Ed25519Error(.unexpectedDER, "byte \(mismatch) of the DER differs from an Ed25519 \(structure): "
                + describe(offset: mismatch, prefix: prefix))
        }
        return Array(der[prefix.count...])
    }

    /// What the field at `offset` of the expected DER is, for the error message.
    private static func describe(offset: Int, prefix: [UInt8]) -> String {
        // The AlgorithmIdentifier 30 05 06 03 2b 65 70 sits at the same place relative to the end.
        let algorithmStart = prefix.count - (prefix == publicKeyDERPrefix ? 10 : 11)
        switch offset {
        case 0..<2: return "the outer SEQUENCE header must be \(hex(prefix[0..<2]))"
        case 2..<algorithmStart: return "the version must be INTEGER 0 (02 01 00)"
        case algorithmStart..<(algorithmStart + 7): return "the algorithm must be id-Ed25519, OID 1.3.101.112 (30 05 06 03 2b 65 70)"
        default: return "the key must follow as \(hex(prefix[(algorithmStart + 7)...])) and 32 bytes"
        }
    }

    private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { Hex.encode([$0]) }.joined(separator: " ")
    }

    /// An armour line for an error message: at most 40 characters, non-printable bytes as `?`.
    private static func quote(_ line: [UInt8]) -> String {
        if line.isEmpty { return "an empty line" }
        let shown = line.prefix(40).map { (0x20...0x7E).contains($0) ? Character(Unicode.Scalar($0)) : "?" }
        return "\"" + String(shown) + (line.count > 40 ? "…\"" : "\"")
    }
}
