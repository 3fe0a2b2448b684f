import KansliCrypto
import KansliTestSupport
import Testing

@Suite("Ed25519 (RFC 8032)")
struct Ed25519Tests {
    /// One RFC 8032 §7.1 test vector: seed, public key, message, signature, all hex.
    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var seed: String
        var publicKey: String
        var message: String
        var signature: String
        var description: String { name }
    }

    /// RFC 8032 §7.1, all five Ed25519 vectors.
    static let rfcVectors: [Vector] = [
        Vector(name: "TEST 1 (empty message)",
               seed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
               publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
               message: "",
               signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                   + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Vector(name: "TEST 2 (one byte)",
               seed: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
               publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
               message: "72",
               signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                   + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        Vector(name: "TEST 3 (two bytes)",
               seed: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
               publicKey: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
               message: "af82",
               signature: "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                   + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
        Vector(name: "TEST 1024 (1023-byte message)",
               seed: "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
               publicKey: "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
               message: "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98"
                   + "fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8"
                   + "79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
                   + "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc"
                   + "1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4fe"
                   + "ba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
                   + "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbef"
                   + "efd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec7"
                   + "aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
                   + "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2"
                   + "d17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24"
                   + "554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
                   + "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc"
                   + "2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b07"
                   + "07e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
                   + "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51a"
                   + "ddd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429e"
                   + "c96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
                   + "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c"
                   + "42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8"
                   + "ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
                   + "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08"
                   + "d78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649"
                   + "de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
                   + "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a3"
                   + "2ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e"
                   + "6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
                   + "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b5"
                   + "0d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1"
                   + "369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
                   + "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c"
                   + "0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d0",
               signature: "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
                   + "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"),
        Vector(name: "TEST SHA(abc) (64-byte message)",
               seed: "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
               publicKey: "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
               message: "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                   + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
               signature: "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                   + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"),
    ]

    /// RFC 8032 TEST 1's key, for the negative tests.
    static let testOne = rfcVectors[0]
    /// The message the constructed signatures below sign.
    static let kansli = Array("kansli".utf8)

    @Test("RFC 8032 §7.1: each seed gives the published public key and signature, and the signature verifies",
          arguments: rfcVectors)
    func rfcVector(_ vector: Vector) throws {
        let message = bytes(hex: vector.message)
        let key = try Ed25519.PrivateKey(seed: bytes(hex: vector.seed))
        #expect(Hex.encode(key.publicKey.bytes) == vector.publicKey)
        #expect(Hex.encode(key.sign(message)) == vector.signature)
        let publicKey = try Ed25519.PublicKey(bytes: bytes(hex: vector.publicKey))
        #expect(publicKey.isValidSignature(bytes(hex: vector.signature), for: message))
        #expect(key.seed == bytes(hex: vector.seed))
    }

    @Test("TEST 1024's message is the RFC's 1023 bytes")
    func longVectorLength() {
        #expect(bytes(hex: Self.rfcVectors[3].message).count == 1023)
    }

    @Test("Flipping any one bit of the message, the signature or the public key makes a valid signature fail",
          arguments: rfcVectors)
    func flippedBitsFail(_ vector: Vector) throws {
        let message = bytes(hex: vector.message)
        let signature = bytes(hex: vector.signature)
        let publicKeyBytes = bytes(hex: vector.publicKey)
        let publicKey = try Ed25519.PublicKey(bytes: publicKeyBytes)
        #expect(publicKey.isValidSignature(signature, for: message))

        for bit in 0..<(message.count * 8) where message.count <= 64 || bit % 61 == 0 {
            var tampered = message
            tampered[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(!publicKey.isValidSignature(signature, for: tampered), "message bit \(bit)")
        }
        #expect(!publicKey.isValidSignature(signature, for: message + [0]), "message extended")
        for bit in 0..<512 {
            var tampered = signature
            tampered[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(!publicKey.isValidSignature(tampered, for: message), "signature bit \(bit)")
        }
        for bit in 0..<256 {
            var tampered = publicKeyBytes
            tampered[bit / 8] ^= 1 << UInt8(bit % 8)
            // Most flips give bytes that are no point at all; the rest a different key.
            if let otherKey = try? Ed25519.PublicKey(bytes: tampered) {
                #expect(!otherKey.isValidSignature(signature, for: message), "public key bit \(bit)")
            }
        }
    }

    @Test("Signatures of the wrong length are invalid, never a crash")
    func wrongSignatureLengths() throws {
        let publicKey = try Ed25519.PublicKey(bytes: bytes(hex: Self.testOne.publicKey))
        let signature = bytes(hex: Self.testOne.signature)
        for length in [0, 1, 32, 63, 65, 128] {
            let candidate = length <= 64 ? Array(signature.prefix(length)) : signature + [UInt8](repeating: 0, count: length - 64)
            #expect(!publicKey.isValidSignature(candidate, for: []), "\(length) bytes")
        }
    }

    @Test("S ≥ L is rejected (RFC 8032 §5.1.7): S + L, S = L and S = 2^256 - 1, though S + L satisfies the group equation")
    func scalarNotBelowOrderIsRejected() throws {
        let publicKey = try Ed25519.PublicKey(bytes: bytes(hex: Self.testOne.publicKey))
        let signature = bytes(hex: Self.testOne.signature)
        let order = bytes(hex: "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        let malleated = Array(signature[0..<32]) + Self.addLittleEndian(Array(signature[32..<64]), order)
        #expect(!publicKey.isValidSignature(malleated, for: []), "S + L")
        #expect(!publicKey.isValidSignature(Array(signature[0..<32]) + order, for: []), "S = L")
        #expect(!publicKey.isValidSignature(Array(signature[0..<32]) + [UInt8](repeating: 0xFF, count: 32), for: []),
                "S = 2^256 - 1")
        // L - 1 is canonical: the check is about the value, not about the top bits.
        var orderMinusOne = order
        orderMinusOne[0] -= 1
        #expect(!publicKey.isValidSignature(Array(signature[0..<32]) + orderMinusOne, for: []), "S = L - 1 is merely wrong")
    }

    @Test("R must be the canonical encoding: with S = k·a the identity as R verifies, but its encodings with y = p + 1 or with the sign bit set do not")
    func nonCanonicalRIsRejected() throws {
        // Built with TEST 1's secret scalar a and python3: for each R, k = SHA-512(R ‖ A ‖ "kansli")
        // mod L and S = k·a mod L, so [S]B = [k]A and [S]B - [k]A is the identity, whatever R
        // says. Only the canonical encoding of the identity (01 00 … 00) may verify.
        let publicKey = try Ed25519.PublicKey(bytes: bytes(hex: Self.testOne.publicKey))
        let canonical = bytes(hex: "0100000000000000000000000000000000000000000000000000000000000000"
            + "f6b731ab6b00ca3740c0a3752ff2c7a87549daada705c2d278cf7e16a788530f")
        let yAboveP = bytes(hex: "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
            + "4ebad28517f38cc78ab91bc4fdba4f05c9d3dda5ff218e55cc3c104cef19470d")
        let signedZeroX = bytes(hex: "0100000000000000000000000000000000000000000000000000000000000080"
            + "355acca03342ba70b30ce14ecee6688a2035fd1173fa824e2ba51912a34f7003")
        #expect(publicKey.isValidSignature(canonical, for: Self.kansli))
        #expect(!publicKey.isValidSignature(yAboveP, for: Self.kansli))
        #expect(!publicKey.isValidSignature(signedZeroX, for: Self.kansli))
    }

    @Test("Public keys: the wrong length, y ≥ p, x = 0 with the sign bit, and a y with no x are refused with their codes")
    func invalidPublicKeysAreRefused() {
        func code(_ hex: String) -> Ed25519Error.Code? {
            do {
                _ = try Ed25519.PublicKey(bytes: bytes(hex: hex))
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code("") == .wrongLength)
        #expect(code(String(Self.testOne.publicKey.dropLast(2))) == .wrongLength)
        #expect(code(Self.testOne.publicKey + "00") == .wrongLength)
        // y = p + 1 (the identity, non-canonically) and y = 2^255 - 1.
        #expect(code("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f") == .nonCanonicalEncoding)
        #expect(code("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f") == .nonCanonicalEncoding)
        // y = 1 has x = 0 only, so the sign bit may not be set.
        #expect(code("0100000000000000000000000000000000000000000000000000000000000080") == .nonCanonicalEncoding)
        // y = 2: (y² - 1)/(d·y² + 1) is not a square mod p (checked with python3).
        #expect(code("0200000000000000000000000000000000000000000000000000000000000000") == .notOnCurve)
        // The identity itself decodes: RFC 8032 does not exclude small-order keys.
        #expect(code("0100000000000000000000000000000000000000000000000000000000000000") == nil)
    }

    @Test("Seeds of the wrong length are refused with wrongLength")
    func wrongSeedLengths() {
        for length in [0, 31, 33, 64] {
            #expect(throws: Ed25519Error.self) { try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: length)) }
            do {
                _ = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: length))
            } catch {
                #expect(error.code == .wrongLength)
                #expect(error.message.contains("\(length)"))
            }
        }
    }

    @Test("Round trips: 200 seeded keys sign messages of 0…1000 bytes that verify, deterministically, and not under another key")
    func roundTrips() throws {
        var random = SeededGenerator(seed: 25519)
        var previous: Ed25519.PublicKey? = nil
        for index in 0..<200 {
            let key = try Ed25519.PrivateKey(seed: random.bytes(32))
            let message = random.bytes(index * 5)
            let signature = key.sign(message)
            #expect(signature.count == Ed25519.signatureByteCount)
            #expect(key.sign(message) == signature, "signing is deterministic")
            let publicKey = try Ed25519.PublicKey(bytes: key.publicKey.bytes)
            #expect(publicKey == key.publicKey)
            #expect(publicKey.isValidSignature(signature, for: message), "key \(index)")
            if let previous {
                #expect(!previous.isValidSignature(signature, for: message), "key \(index) under the previous key")
            }
            previous = publicKey
        }
    }

    @Test("Generated keys differ, sign and verify; descriptions show the public key but never the seed")
    func generatedKeys() {
        let first = Ed25519.PrivateKey.generate()
        let second = Ed25519.PrivateKey.generate()
        #expect(first.seed != second.seed)
        #expect(first.publicKey != second.publicKey)
        let signature = first.sign(Self.kansli)
        #expect(first.publicKey.isValidSignature(signature, for: Self.kansli))
        #expect(!second.publicKey.isValidSignature(signature, for: Self.kansli))
        for text in [String(describing: first), String(reflecting: first), "\(first)"] {
            #expect(!text.contains(Hex.encode(first.seed)), "\(text)")
            #expect(text.contains(Hex.encode(first.publicKey.bytes)))
        }
        #expect(Ed25519.publicKeyByteCount == 32 && Ed25519.seedByteCount == 32)
    }

    @Test("Public keys are equal and hash equal exactly when their bytes are")
    func publicKeyEquality() throws {
        let a = try Ed25519.PublicKey(bytes: bytes(hex: Self.rfcVectors[0].publicKey))
        let b = try Ed25519.PublicKey(bytes: bytes(hex: Self.rfcVectors[0].publicKey))
        let c = try Ed25519.PublicKey(bytes: bytes(hex: Self.rfcVectors[1].publicKey))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    /// a + b for 32-byte little-endian numbers, the carry out of the top byte dropped.
    static func addLittleEndian(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var carry = 0
        for index in 0..<32 {
            let sum = Int(a[index]) + Int(b[index]) + carry
            result[index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
        return result
    }
}
