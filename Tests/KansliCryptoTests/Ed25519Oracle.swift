import KansliCrypto
import KansliTestSupport

/// Runs python3's `cryptography` (OpenSSL's Ed25519) and Python's own integers as independent
/// references for Ed25519, its PEM forms, and the field and scalar arithmetic beneath them.
///
/// Each script reads all of stdin (one case a line, fields hex, separated by spaces) before it
/// writes one answer line per case, so the pipe cannot deadlock.
enum Ed25519Oracle {
    /// What python3 computed for one seed and message.
    struct Answer {
        /// The raw 32-byte public key, hex.
        var publicKey: String
        /// `Ed25519PrivateKey.sign(message)`, hex.
        var signature: String
        /// Whether `Ed25519PublicKey.verify` accepted the signature Kansli made.
        var acceptsKansliSignature: Bool
        /// `private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())`.
        var privatePEM: String
        /// `public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)`.
        var publicPEM: String
    }

    private static let signingScript = """
        import sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, PrivateFormat, PublicFormat, NoEncryption
        from cryptography.exceptions import InvalidSignature
        out = []
        for line in sys.stdin.read().split("\\n")[:-1]:
            seed, message, theirs = (bytes.fromhex(field) for field in line.split(" "))
            key = Ed25519PrivateKey.from_private_bytes(seed)
            public = key.public_key()
            try:
                public.verify(theirs, message)
                accepted = "1"
            except InvalidSignature:
                accepted = "0"
            out.append(" ".join([
                public.public_bytes(Encoding.Raw, PublicFormat.Raw).hex(),
                key.sign(message).hex(),
                accepted,
                key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).hex(),
                public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo).hex(),
            ]))
        sys.stdout.write("".join(line + "\\n" for line in out))
        """

    /// For each (seed, message, Kansli's signature; an empty message is an empty field), python3's public key, signature, verdict on
    /// Kansli's signature and PEM texts, in order.
    static func answers(for cases: [(seed: [UInt8], message: [UInt8], kansliSignature: [UInt8])]) throws -> [Answer] {
        let lines = try Python.lines(signingScript, input: cases.map {
            [$0.seed, $0.message, $0.kansliSignature].map { Hex.encode($0) }.joined(separator: " ")
        })
        return try lines.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let privatePEM = Hex.decodeText(fields[3]), let publicPEM = Hex.decodeText(fields[4]) else {
                throw Python.Failure(description: "unexpected line from python3: \(line.prefix(200))")
            }
            return Answer(publicKey: fields[0], signature: fields[1], acceptsKansliSignature: fields[2] == "1",
                          privatePEM: privatePEM, publicPEM: publicPEM)
        }
    }

    private static let verifyingScript = """
        import sys
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        from cryptography.exceptions import InvalidSignature
        out = []
        for line in sys.stdin.read().split("\\n")[:-1]:
            public, signature, message = (bytes.fromhex(field) for field in line.split(" "))
            try:
                Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
                out.append("1")
            except InvalidSignature:
                out.append("0")
        sys.stdout.write("".join(line + "\\n" for line in out))
        """

    /// For each (public key, signature, message), whether python3's `Ed25519PublicKey.verify`
    /// accepts it.
    static func verdicts(for cases: [(publicKey: [UInt8], signature: [UInt8], message: [UInt8])]) throws -> [Bool] {
        try Python.lines(verifyingScript, input: cases.map {
            [$0.publicKey, $0.signature, $0.message].map { Hex.encode($0) }.joined(separator: " ")
        }).map { line in
            guard line == "0" || line == "1" else { throw Python.Failure(description: "unexpected line from python3: \(line.prefix(200))") }
            return line == "1"
        }
    }

    private static let arithmeticScript = """
        import sys
        p = 2**255 - 19
        L = 2**252 + 27742317777372353535851937790883648493
        def le(h): return int.from_bytes(bytes.fromhex(h), "little")
        def out32(n): return n.to_bytes(32, "little").hex()
        out = []
        for line in sys.stdin.read().split("\\n")[:-1]:
            kind, *fields = line.split(" ")
            if kind == "field":
                a, b = (le(f) & (2**255 - 1) for f in fields)
                out.append(" ".join(out32(v % p) for v in [a, a * b, a + b, a - b, a * a, pow(a, p - 2, p)]))
            elif kind == "scalar":
                wide, a, b, c = (le(f) for f in fields)
                out.append(" ".join([out32(wide % L), out32((a * b + c) % L)]))
        sys.stdout.write("".join(line + "\\n" for line in out))
        """

    /// For each pair of 32-byte field encodings (bit 255 ignored): a, a·b, a+b, a-b, a², a^-1,
    /// each canonical mod p, hex.
    static func fieldAnswers(for pairs: [([UInt8], [UInt8])]) throws -> [[String]] {
        try Python.lines(arithmeticScript, input: pairs.map { "field \(Hex.encode($0.0)) \(Hex.encode($0.1))" })
            .map { $0.split(separator: " ").map(String.init) }
    }

    /// For each (64-byte wide, a, b, c): wide mod L and (a·b + c) mod L, hex.
    static func scalarAnswers(for cases: [([UInt8], [UInt8], [UInt8], [UInt8])]) throws -> [[String]] {
        try Python.lines(arithmeticScript, input: cases.map {
            "scalar \(Hex.encode($0.0)) \(Hex.encode($0.1)) \(Hex.encode($0.2)) \(Hex.encode($0.3))"
        }).map { $0.split(separator: " ").map(String.init) }
    }

}

extension Hex {
    /// The UTF-8 text whose bytes `hex` spells, or nil.
    fileprivate static func decodeText(_ hex: String) -> String? {
        decode(hex).map { String(decoding: $0, as: UTF8.self) }
    }
}
