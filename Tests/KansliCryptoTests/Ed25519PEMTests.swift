@testable import KansliCrypto
import KansliTestSupport
import Testing

@Suite("Ed25519 keys in PEM (RFC 8410)")
struct Ed25519PEMTests {
    /// RFC 8410 §10.1, the example public key.
    static let rfcPublicPEM = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"
    /// RFC 8410 §10.3, the example private key, whose public key is §10.1's.
    static let rfcPrivatePEM = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n"
    /// RFC 8032 TEST 1's key as python3's `cryptography` 48 writes it.
    static let testOnePrivatePEM = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n"
    static let testOnePublicPEM = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n"

    /// The error reading `text` as a public key throws, or nil.
    func publicError(_ text: String) -> Ed25519Error? {
        do {
            _ = try Ed25519PEM.publicKey(fromPEM: text)
            return nil
        } catch {
            return error
        }
    }

    /// The error reading `text` as a private key throws, or nil.
    func privateError(_ text: String) -> Ed25519Error? {
        do {
            _ = try Ed25519PEM.privateKey(fromPEM: text)
            return nil
        } catch {
            return error
        }
    }

    /// A PEM block of `label` around `der`, in the writer's layout.
    func armoured(_ der: [UInt8], label: String) -> String {
        let body = Ed25519PEM.base64Encode(der)
        var lines: [String] = []
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }

    @Test("RFC 8410 §10.3's private key reads, and its public key writes as §10.1's text; §10.1 reads back")
    func rfcExamples() throws {
        let key = try Ed25519PEM.privateKey(fromPEM: Self.rfcPrivatePEM)
        #expect(Ed25519PEM.encode(key.publicKey) == Self.rfcPublicPEM)
        #expect(Ed25519PEM.encode(key) == Self.rfcPrivatePEM)
        let publicKey = try Ed25519PEM.publicKey(fromPEM: Self.rfcPublicPEM)
        #expect(publicKey == key.publicKey)
        #expect(Hex.encode(publicKey.bytes) == "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1")
    }

    @Test("RFC 8032 TEST 1's key writes exactly the text python3's cryptography writes, and reads back")
    func writesWhatCryptographyWrites() throws {
        let key = try Ed25519.PrivateKey(seed: bytes(hex: Ed25519Tests.testOne.seed))
        #expect(Ed25519PEM.encode(key) == Self.testOnePrivatePEM)
        #expect(Ed25519PEM.encode(key.publicKey) == Self.testOnePublicPEM)
        #expect(try Ed25519PEM.privateKey(fromPEM: Self.testOnePrivatePEM).seed == key.seed)
        #expect(try Ed25519PEM.publicKey(fromPEM: Self.testOnePublicPEM) == key.publicKey)
    }

    @Test("100 seeded keys round-trip through both PEM forms, with LF or CRLF, with or without the final line end")
    func roundTrips() throws {
        var random = SeededGenerator(seed: 8410)
        for _ in 0..<100 {
            let key = try Ed25519.PrivateKey(seed: random.bytes(32))
            let privateText = Ed25519PEM.encode(key), publicText = Ed25519PEM.encode(key.publicKey)
            for variant in [{ (text: String) in text },
                            { String($0.dropLast()) },
                            { $0.replacingLineFeeds(with: "\r\n") },
                            { String($0.replacingLineFeeds(with: "\r\n").dropLast()) }] {  // "\r\n" is one Character
                #expect(try Ed25519PEM.privateKey(fromPEM: variant(privateText)).seed == key.seed)
                #expect(try Ed25519PEM.publicKey(fromPEM: variant(publicText)) == key.publicKey)
            }
        }
    }

    @Test("The armour is strict: label, BEGIN and END lines, one key only, no blank or stray lines")
    func armourIsStrict() {
        let text = Self.testOnePublicPEM
        let cases: [(String, String, String)] = [
            ("", "line 1 must be -----BEGIN PUBLIC KEY-----", "empty text"),
            (Self.testOnePrivatePEM, "line 1 must be -----BEGIN PUBLIC KEY-----, not \"-----BEGIN PRIVATE KEY-----\"", "a private key"),
            ("\n" + text, "not an empty line", "a blank line first"),
            (" " + text, "line 1 must be", "leading space"),
            (text.replacingOccurrences("-----END PUBLIC KEY-----\n", ""), "no -----END PUBLIC KEY----- line", "no END"),
            (text.replacingOccurrences("END PUBLIC", "END PRIVATE"), "line 3 must be -----END PUBLIC KEY-----", "wrong END label"),
            (text + text, "line 4 follows the -----END PUBLIC KEY----- line", "two keys"),
            (text + "\n", "line 4 follows", "a blank line after END"),
            (text + "trailing", "line 4 follows", "text after END"),
            ("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", "there is no base64", "no body"),
            (text.replacingOccurrences("\nMCowBQYDK2VwAyEA11qY", "\n\nMCowBQYDK2VwAyEA11qY"),
             "line 2 has 0 characters; base64 lines before the last have exactly 64", "a blank line in the body"),
            (text.replacingOccurrences("AyEA11qY", "AyEA\n11qY"), "line 2 has 16 characters; base64 lines before the last have exactly 64", "a short line"),
        ]
        for (input, expected, what) in cases {
            let failure = publicError(input)
            #expect(failure?.code == .malformedPEM, "\(what)")
            #expect(failure?.message.contains(expected) == true, "\(what): \(failure?.message ?? "no error")")
        }
        let long = "-----BEGIN PUBLIC KEY-----\n" + String(repeating: "A", count: 5000)
        #expect(publicError(long)?.message.contains("more than the 4096") == true)
        // A long foreign first line is quoted shortened.
        let quoted = publicError(String(repeating: "x", count: 300) + "\n")?.message ?? ""
        #expect(quoted.contains("…") && quoted.count < 150, "\(quoted)")
    }

    @Test("The base64 is strict: alphabet, padding only at the end, canonical unused bits, whole groups")
    func base64IsStrict() {
        let text = Self.testOnePublicPEM
        let cases: [(String, String, String)] = [
            (text.replacingOccurrences("MCow", "MC*w"), "line 2, column 3 is not base64", "a foreign character"),
            (text.replacingOccurrences("MCow", "MCo "), "line 2, column 4 is not base64", "a space"),
            (text.replacingOccurrences("MCow", "MCowA"), "not a multiple of 4", "an extra character"),
            (text.replacingOccurrences("URo=", "URo"), "not a multiple of 4", "missing padding"),
            (text.replacingOccurrences("URo=", "URp="), "not canonical", "unused bits set"),
            (text.replacingOccurrences("MCow", "MC=w"), "padding '=' at line 2, column 3 is not at the end", "padding inside"),
            (text.replacingOccurrences("URo=", "UR=o"), "base64 after the padding", "data after padding"),
        ]
        for (input, expected, what) in cases {
            let failure = publicError(input)
            #expect(failure?.code == .malformedPEM, "\(what)")
            #expect(failure?.message.contains(expected) == true, "\(what): \(failure?.message ?? "no error")")
        }
    }

    @Test("The DER must be exactly RFC 8410's: other algorithms, lengths, versions and layouts are refused by name")
    func derIsExact() throws {
        let publicKey = bytes(hex: Ed25519Tests.testOne.publicKey)
        let seed = bytes(hex: Ed25519Tests.testOne.seed)
        let x25519 = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00] + publicKey
        let publicCases: [([UInt8], String)] = [
            (x25519, "byte 8 of the DER differs from an Ed25519 SubjectPublicKeyInfo: the algorithm must be id-Ed25519, OID 1.3.101.112"),
            (Ed25519PEM.publicKeyDERPrefix + publicKey.dropLast(), "the DER is 43 bytes; an Ed25519 SubjectPublicKeyInfo is exactly 44"),
            ([0x30, 0x2b] + Array(Ed25519PEM.publicKeyDERPrefix.dropFirst(2)) + publicKey, "the outer SEQUENCE header must be 30 2a"),
            (Array(Ed25519PEM.publicKeyDERPrefix.dropLast()) + [0x01] + publicKey, "the key must follow as 03 21 00"),
        ]
        for (der, expected) in publicCases {
            let failure = publicError(armoured(der, label: "PUBLIC KEY"))
            #expect(failure?.code == .unexpectedDER)
            #expect(failure?.message.contains(expected) == true, "\(failure?.message ?? "no error")")
        }
        var versionOne = Ed25519PEM.privateKeyDERPrefix + seed
        versionOne[4] = 1
        // OneAsymmetricKey v2 with the public key attached ([1] IMPLICIT BIT STRING).
        var withPublicKey = Ed25519PEM.privateKeyDERPrefix + seed + [0x81, 0x21, 0x00] + publicKey
        withPublicKey[1] = 0x51
        withPublicKey[4] = 1
        let privateCases: [([UInt8], String)] = [
            (versionOne, "byte 4 of the DER differs from an Ed25519 PKCS #8 PrivateKeyInfo: the version must be INTEGER 0"),
            (withPublicKey, "the DER is 83 bytes; an Ed25519 PKCS #8 PrivateKeyInfo is exactly 48"),
            ([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x71, 0x04, 0x22, 0x04, 0x20] + seed,
             "the algorithm must be id-Ed25519"),
        ]
        for (der, expected) in privateCases {
            let failure = privateError(armoured(der, label: "PRIVATE KEY"))
            #expect(failure?.code == .unexpectedDER)
            #expect(failure?.message.contains(expected) == true, "\(failure?.message ?? "no error")")
        }
        // Well-formed DER around bytes that are no point: the point's own error.
        let notAPoint = bytes(hex: "0200000000000000000000000000000000000000000000000000000000000000")
        #expect(publicError(armoured(Ed25519PEM.publicKeyDERPrefix + notAPoint, label: "PUBLIC KEY"))?.code == .notOnCurve)
    }

    @Test("No error about a private key quotes its base64, which holds the seed")
    func privateErrorsDoNotQuoteTheSeed() {
        let body = "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g"
        let broken = [
            Self.testOnePrivatePEM.replacingOccurrences("MC4C", "MC4*"),
            Self.testOnePrivatePEM.replacingOccurrences("BEGIN PRIVATE", "BEGIN PUBLIC"),
            Self.testOnePrivatePEM.replacingOccurrences("rn9g", "rn9g\n"),
            Self.testOnePrivatePEM + Self.testOnePrivatePEM,
        ]
        for text in broken {
            let message = privateError(text)?.message ?? ""
            #expect(!message.isEmpty)
            #expect(!message.contains(body.prefix(16)) && !message.contains("J1hsZ3v"), "\(message)")
        }
    }

    @Test("The base64 codec round-trips every length 0…100 and matches RFC 4648's examples")
    func base64Codec() throws {
        let examples = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                        ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        for (plain, encoded) in examples {
            #expect(Ed25519PEM.base64Encode(Array(plain.utf8)) == encoded)
            #expect(try Ed25519PEM.base64Decode(Array(encoded.utf8), firstLine: 2) == Array(plain.utf8))
        }
        var random = SeededGenerator(seed: 4648)
        for length in 0...100 {
            let data = random.bytes(length)
            #expect(try Ed25519PEM.base64Decode(Array(Ed25519PEM.base64Encode(data).utf8), firstLine: 2) == data)
        }
    }
}

extension String {
    /// Every LF replaced by `replacement`.
    fileprivate func replacingLineFeeds(with replacement: String) -> String {
        replacingOccurrences("\n", replacement)
    }

    /// Every occurrence of `target` replaced (no Foundation in this test file's module).
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
