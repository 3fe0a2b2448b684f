import KansliCrypto
import KansliTestSupport
import Testing

@Suite("SHA-512 (FIPS 180-4)")
struct SHA512Tests {
    /// FIPS 180-4 / NIST CSRC examples: (message, digest).
    static let nistExamples: [(String, String)] = [
        ("abc",
         "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        ("",
         "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"),
    ]

    @Test("NIST example messages (abc, empty, 448-bit, the 896-bit two-block message) give the published digests")
    func nistExampleMessages() {
        for (message, digest) in Self.nistExamples {
            #expect(Hex.encode(SHA512.hash(Array(message.utf8))) == digest, "message \"\(message)\"")
            var byteByByte = SHA512()
            for byte in message.utf8 { byteByByte.update([byte]) }
            #expect(Hex.encode(byteByByte.finalize()) == digest, "byte by byte, \"\(message)\"")
        }
        #expect(SHA512.digestByteCount == 64 && SHA512.blockByteCount == 128)
    }

    @Test("One million 'a' gives the published digest, fed at once and in 1000-byte pieces")
    func oneMillionA() {
        let expected = "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Hex.encode(SHA512.hash(message)) == expected)
        var pieces = SHA512()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { pieces.update(piece) }
        #expect(Hex.encode(pieces.finalize()) == expected)
    }

    @Test("Every length 0…300, split into two parts at every boundary, equals the one-shot digest")
    func everySplitPointMatchesOneShot() {
        var random = SeededGenerator(seed: 512)
        for length in 0...300 {
            let message = random.bytes(length)
            let oneShot = SHA512.hash(message)
            for split in 0...length {
                var hasher = SHA512()
                hasher.update(message[..<split])
                hasher.update(message[split...])
                #expect(hasher.finalize() == oneShot, "length \(length), split at \(split)")
            }
        }
    }

    @Test("finalize() leaves the value unchanged: it can keep hashing, and copies fork independently")
    func finalizeDoesNotMutate() {
        var hasher = SHA512()
        hasher.update(Array("ab".utf8))
        let copy = hasher
        #expect(hasher.finalize() == SHA512.hash(Array("ab".utf8)))
        hasher.update(Array("c".utf8))
        #expect(Hex.encode(hasher.finalize()) == Self.nistExamples[0].1)
        var fork = copy
        fork.update(Array("x".utf8))
        #expect(fork.finalize() == SHA512.hash(Array("abx".utf8)))
        #expect(copy.finalize() == SHA512.hash(Array("ab".utf8)))
    }

    @Test("Sequence conveniences (ArraySlice, String.UTF8View, non-contiguous, raw buffer) agree")
    func sequenceConveniences() {
        let text = String(repeating: "Kansli gemensam nämnd ", count: 20)
        let bytes = Array(text.utf8)
        let expected = SHA512.hash(bytes)
        #expect(SHA512.hash(text.utf8) == expected)
        #expect(SHA512.hash(bytes[...]) == expected)
        #expect(SHA512.hash(bytes.lazy.map { $0 }) == expected)
        #expect(bytes.withUnsafeBytes { SHA512.hash($0) } == expected)
    }

    @Test("Agrees with python3 hashlib.sha512 on every length 0…400 and on 50 random lengths up to 70 000",
          .enabled(if: Python.executablePath != nil,
                   "python3 is not on PATH: the comparison with hashlib.sha512 is skipped"))
    func agreesWithPython() throws {
        var random = SeededGenerator(seed: 20_261_203)
        var messages = (0...400).map { random.bytes($0) }
        for _ in 0..<50 { messages.append(random.bytes(Int.random(in: 0...70_000, using: &random))) }
        let script = """
            import hashlib, sys
            for line in sys.stdin.read().split("\\n")[:-1]:
                print(hashlib.sha512(bytes.fromhex(line)).hexdigest())
            """
        let answers = try Python.lines(script, input: messages.map { Hex.encode($0) })
        try #require(answers.count == messages.count)
        for (message, answer) in zip(messages, answers) {
            #expect(Hex.encode(SHA512.hash(message)) == answer, "\(message.count) bytes")
        }
    }
}
