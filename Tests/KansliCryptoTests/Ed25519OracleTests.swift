@testable import KansliCrypto
import KansliTestSupport
import Testing

@Suite("Oracle: python3 cryptography for Ed25519")
struct Ed25519OracleTests {
    @Test("60 seeded keys and messages: public keys, signatures and both PEM texts equal python3 cryptography's byte for byte, and it accepts Kansli's signatures",
          .enabled(if: Python.executablePath != nil,
                   "python3 is not on PATH: the comparison with cryptography's Ed25519 is skipped"))
    func agreesWithCryptography() throws {
        var random = SeededGenerator(seed: 8032)
        var keys: [Ed25519.PrivateKey] = []
        var cases: [(seed: [UInt8], message: [UInt8], kansliSignature: [UInt8])] = []
        for index in 0..<60 {
            let key = try Ed25519.PrivateKey(seed: random.bytes(32))
            let length = index < 10 ? index : Int.random(in: 0...3000, using: &random)
            let message = random.bytes(length)
            var signature = key.sign(message)
            // Every tenth case sends python3 a corrupted signature: it must refuse it, which shows
            // its verdicts are real.
            if index % 10 == 9 { signature[Int.random(in: 0..<64, using: &random)] ^= 0x10 }
            keys.append(key)
            cases.append((key.seed, message, signature))
        }

        let answers = try Ed25519Oracle.answers(for: cases)
        try #require(answers.count == cases.count)
        for (index, (key, answer)) in zip(keys, answers).enumerated() {
            let item = cases[index]
            #expect(Hex.encode(key.publicKey.bytes) == answer.publicKey, "case \(index): public key")
            #expect(Hex.encode(key.sign(item.message)) == answer.signature, "case \(index): signature")
            #expect(answer.acceptsKansliSignature == (index % 10 != 9), "case \(index): python3's verdict on Kansli's signature")
            #expect(key.publicKey.isValidSignature(bytes(hex: answer.signature), for: item.message),
                    "case \(index): Kansli accepts python3's signature")
            #expect(Ed25519PEM.encode(key) == answer.privatePEM, "case \(index): PKCS #8 PEM")
            #expect(Ed25519PEM.encode(key.publicKey) == answer.publicPEM, "case \(index): SubjectPublicKeyInfo PEM")
            #expect(try Ed25519PEM.privateKey(fromPEM: answer.privatePEM).seed == key.seed, "case \(index): reads python3's PKCS #8")
            #expect(try Ed25519PEM.publicKey(fromPEM: answer.publicPEM) == key.publicKey, "case \(index): reads python3's SPKI")
        }
    }

    /// The eight points of small order (the torsion subgroup), encoded.
    static let smallOrderPoints: [String] = [
        "0100000000000000000000000000000000000000000000000000000000000000",  // identity
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
        "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
        "0000000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",  // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
    ]

    @Test("Adversarial signatures get the verdict python3 cryptography (OpenSSL, also cofactorless) gives: S + L, R moved by a small-order point, small-order R and A, random corruption",
          .enabled(if: Python.executablePath != nil,
                   "python3 is not on PATH: the comparison with cryptography's verification is skipped"))
    func adversarialVerdictsAgreeWithCryptography() throws {
        var random = SeededGenerator(seed: 717)
        let order = bytes(hex: "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        var cases: [(publicKey: [UInt8], signature: [UInt8], message: [UInt8])] = []
        for _ in 0..<20 {
            let key = try Ed25519.PrivateKey(seed: random.bytes(32))
            let message = random.bytes(Int.random(in: 0...200, using: &random))
            let signature = key.sign(message)
            let r = Array(signature[0..<32]), s = Array(signature[32..<64])
            cases.append((key.publicKey.bytes, signature, message))
            cases.append((key.publicKey.bytes, r + Ed25519Tests.addLittleEndian(s, order), message))
            let pointR = try Ed25519.ExtendedPoint.decode(r)
            for torsion in Self.smallOrderPoints {
                let t = bytes(hex: torsion)
                let moved = pointR.adding(try Ed25519.ExtendedPoint.decode(t).cached).encoded
                cases.append((key.publicKey.bytes, moved + s, message))
                cases.append((key.publicKey.bytes, t + s, message))
            }
            var corrupted = signature
            corrupted[Int.random(in: 0..<64, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            cases.append((key.publicKey.bytes, corrupted, message))
        }
        // Small-order public keys with S = 0: [0]B - [k]A is a small-order point, which the
        // signature's R may or may not name, depending on k.
        for (index, publicKey) in Self.smallOrderPoints.enumerated() {
            for torsion in Self.smallOrderPoints {
                for message in [[UInt8(index)], Array("kansli".utf8), []] {
                    cases.append((bytes(hex: publicKey), bytes(hex: torsion) + [UInt8](repeating: 0, count: 32), message))
                }
            }
        }

        let verdicts = try Ed25519Oracle.verdicts(for: cases)
        try #require(verdicts.count == cases.count)
        var accepted = 0
        for (index, (item, theirs)) in zip(cases, verdicts).enumerated() {
            let ours = (try? Ed25519.PublicKey(bytes: item.publicKey))?.isValidSignature(item.signature, for: item.message) ?? false
            #expect(ours == theirs, "case \(index): A = \(Hex.encode(item.publicKey)), signature \(Hex.encode(item.signature))")
            if ours { accepted += 1 }
        }
        // Both outcomes occur, so agreement is not agreement on "always false".
        #expect(accepted >= 20 && accepted < cases.count / 2, "\(accepted) of \(cases.count) accepted")
    }

    /// Field encodings that stress the carries: 0, 1, p - 1, p, p + 1, 2^255 - 1, all limbs at
    /// 2^51 - 1, and alternating bit patterns, besides random values.
    static let edgeFieldValues: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),
        [1] + [UInt8](repeating: 0, count: 31),
        [0xEC] + [UInt8](repeating: 0xFF, count: 30) + [0x7F],
        [0xED] + [UInt8](repeating: 0xFF, count: 30) + [0x7F],
        [0xEE] + [UInt8](repeating: 0xFF, count: 30) + [0x7F],
        [UInt8](repeating: 0xFF, count: 31) + [0x7F],
        [UInt8](repeating: 0xFF, count: 32),
        [UInt8](repeating: 0xAA, count: 32),
        [UInt8](repeating: 0x55, count: 32),
    ]

    @Test("Field arithmetic mod 2^255 - 19 (product, sum, difference, square, inverse) equals Python's integers on 2000 pairs, edge values included",
          .enabled(if: Python.executablePath != nil, "python3 is not on PATH: the field comparison is skipped"))
    func fieldArithmeticAgreesWithPython() throws {
        var random = SeededGenerator(seed: 255_19)
        var pairs: [([UInt8], [UInt8])] = []
        for a in Self.edgeFieldValues {
            for b in Self.edgeFieldValues { pairs.append((a, b)) }
        }
        while pairs.count < 2000 { pairs.append((random.bytes(32), random.bytes(32))) }

        let answers = try Ed25519Oracle.fieldAnswers(for: pairs)
        try #require(answers.count == pairs.count)
        for ((aBytes, bBytes), answer) in zip(pairs, answers) {
            try #require(answer.count == 6)
            let a = aBytes.withUnsafeBytes { Ed25519.FieldElement(bytes: $0) }
            let b = bBytes.withUnsafeBytes { Ed25519.FieldElement(bytes: $0) }
            let label = "a = \(Hex.encode(aBytes)), b = \(Hex.encode(bBytes))"
            #expect(Hex.encode(a.bytes) == answer[0], "canonical a, \(label)")
            #expect(Hex.encode((a * b).bytes) == answer[1], "a·b, \(label)")
            #expect(Hex.encode((a + b).bytes) == answer[2], "a+b, \(label)")
            #expect(Hex.encode((a - b).bytes) == answer[3], "a-b, \(label)")
            #expect(Hex.encode(a.squared().bytes) == answer[4], "a², \(label)")
            #expect(Hex.encode(a.inverted().bytes) == answer[5], "1/a, \(label)")
            // Chains keep limbs within bounds: a long run of mixed operations must still agree.
            let chained = ((a + b) * (a - b)).squared() - (a * a + b * b)
            let expected = ((a.squared() - b.squared()).squared()) - (a.squared() + b.squared())
            #expect(chained.equals(expected), "chained identity, \(label)")
        }
    }

    @Test("Scalar reduction mod L of 64-byte values and (a·b + c) mod L equal Python's integers on 1000 cases, edge values included",
          .enabled(if: Python.executablePath != nil, "python3 is not on PATH: the scalar comparison is skipped"))
    func scalarArithmeticAgreesWithPython() throws {
        var random = SeededGenerator(seed: 2_252)
        let order = bytes(hex: "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        var orderMinusOne = order
        orderMinusOne[0] -= 1
        let ones = [UInt8](repeating: 0xFF, count: 32), zero = [UInt8](repeating: 0, count: 32)
        var cases: [([UInt8], [UInt8], [UInt8], [UInt8])] = [
            (zero + zero, zero, zero, zero),
            (ones + ones, ones, ones, ones),
            (order + zero, order, order, order),
            (orderMinusOne + zero, orderMinusOne, orderMinusOne, orderMinusOne),
            (zero + order, ones, orderMinusOne, zero),
        ]
        while cases.count < 1000 {
            cases.append((random.bytes(64), random.bytes(32), random.bytes(32), random.bytes(32)))
        }

        let answers = try Ed25519Oracle.scalarAnswers(for: cases)
        try #require(answers.count == cases.count)
        for ((wide, a, b, c), answer) in zip(cases, answers) {
            try #require(answer.count == 2)
            #expect(Hex.encode(Ed25519.Scalar(reducing: wide).bytes) == answer[0], "\(Hex.encode(wide)) mod L")
            let product = Ed25519.Scalar.multiplyAdd(Ed25519.Scalar(bytes: a[...]), Ed25519.Scalar(bytes: b[...]),
                                                     Ed25519.Scalar(bytes: c[...]))
            #expect(Hex.encode(product.bytes) == answer[1], "a·b + c, a = \(Hex.encode(a)), b = \(Hex.encode(b)), c = \(Hex.encode(c))")
        }
    }
}
