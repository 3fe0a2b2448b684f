import KansliCrypto
import KansliTestSupport
import Testing

/// The checks every SHA-256 backend must pass, as functions of the backend: `SHA256Tests` runs them
/// on the portable backend, `SHA256AcceleratedTests` on SHA-NI, in a suite that is shown as skipped
/// on a CPU without it. (Parameterising one test over `Backend.allCases` would instead quietly run
/// the portable code twice there, since `SHA256(backend: .accelerated)` falls back.)
///
/// Each check first requires that it got the backend it asked for, so a fallback fails loudly.
enum SHA256Conformance {
    /// The backends this CPU can run: the portable one, and SHA-NI where it exists. (Not
    /// `Backend.allCases`, whose `.accelerated` would quietly be the portable code elsewhere.)
    static let availableBackends: [SHA256.Backend] =
        SHA256.Backend.isAcceleratedAvailable ? [.portable, .accelerated] : [.portable]

    /// A hasher on `backend`; records an issue if the backend fell back to another.
    static func hasher(_ backend: SHA256.Backend, sourceLocation: SourceLocation = #_sourceLocation) -> SHA256 {
        let hasher = SHA256(backend: backend)
        #expect(hasher.backend == backend, "asked for \(backend), got \(hasher.backend)",
                sourceLocation: sourceLocation)
        return hasher
    }

    /// `message` hashed in one update on `backend`.
    static func oneShot(_ message: [UInt8], _ backend: SHA256.Backend) -> [UInt8] {
        var hasher = SHA256(backend: backend)
        hasher.update(message)
        return hasher.finalize()
    }

    /// The FIPS 180-4 / NIST CSRC example messages and the empty message.
    static let nistVectors: [(message: String, digest: String)] = [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    /// The message of `length` bytes 0, 1, 2, … 250, 0, 1 … (each byte its index mod 251): a
    /// pattern with no period of 64, so a block fed twice or out of order changes the digest.
    static func counting(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8($0 % 251) }
    }

    /// Known answers at the lengths where the padding changes shape: 55 bytes is the longest
    /// message whose length field still fits in its block, 56 the shortest that needs a second
    /// block, 63/64/65 one short of, exactly and one past a whole block. Computed once, on
    /// 2026-12-02, with Python 3's `hashlib.sha256` and checked against `openssl dgst -sha256` and
    /// `sha256sum`:
    ///
    ///     python3 -c "import hashlib; n = 55; \
    ///         print(hashlib.sha256(bytes(i % 251 for i in range(n))).hexdigest(), \
    ///               hashlib.sha256(b'a' * n).hexdigest())"
    ///
    /// Hard-coded so these tests run where python3 is not installed.
    static let boundaryAnswers: [(length: Int, counting: String, repeatedA: String)] = [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59",
         "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562",
         "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488",
         "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108",
         "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781",
         "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    ]

    /// NIST example messages give the published digests.
    static func nistExampleMessages(_ backend: SHA256.Backend) {
        for vector in nistVectors {
            var hasher = hasher(backend)
            hasher.update(Array(vector.message.utf8))
            #expect(Hex.encode(hasher.finalize()) == vector.digest, "message \"\(vector.message)\", \(backend)")
        }
    }

    /// The boundary known answers, fed at once, byte by byte, and in two parts split at every offset.
    static func boundaryKnownAnswers(_ backend: SHA256.Backend) {
        for answer in boundaryAnswers {
            let messages = [(counting(answer.length), answer.counting, "i mod 251"),
                            ([UInt8](repeating: UInt8(ascii: "a"), count: answer.length), answer.repeatedA, "'a'")]
            for (message, expected, name) in messages {
                let what = "\(answer.length) bytes of \(name), \(backend)"
                var whole = hasher(backend)
                whole.update(message)
                #expect(Hex.encode(whole.finalize()) == expected, "\(what), at once")

                var bytewise = hasher(backend)
                for byte in message { bytewise.update([byte]) }
                #expect(Hex.encode(bytewise.finalize()) == expected, "\(what), byte by byte")

                for split in 0...message.count {
                    var parts = hasher(backend)
                    parts.update(message[..<split])
                    parts.update(message[split...])
                    #expect(Hex.encode(parts.finalize()) == expected, "\(what), split at \(split)")
                }
            }
        }
    }

    /// One million 'a' gives the published digest, fed at once and in 1000-byte pieces.
    static func oneMillionA(_ backend: SHA256.Backend) {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var whole = hasher(backend)
        whole.update(message)
        #expect(Hex.encode(whole.finalize()) == expected, "\(backend), at once")

        var pieces = hasher(backend)
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { pieces.update(piece) }
        #expect(Hex.encode(pieces.finalize()) == expected, "\(backend), in pieces")
    }

    /// Every length 0…300, split into two parts at every boundary, equals the one-shot digest.
    static func everySplitPointMatchesOneShot(_ backend: SHA256.Backend) {
        _ = hasher(backend)
        var random = SeededGenerator(seed: 0x5348_4132_3536)
        for length in 0...300 {
            let message = random.bytes(length)
            let expected = oneShot(message, backend)
            for split in 0...length {
                var hasher = SHA256(backend: backend)
                hasher.update(Array(message[..<split]))
                hasher.update(Array(message[split...]))
                #expect(hasher.finalize() == expected, "length \(length) split at \(split), \(backend)")
            }
        }
    }

    /// Every length 0…300 fed in fixed chunks of every size 1…length equals the one-shot digest.
    static func everyChunkSizeMatchesOneShot(_ backend: SHA256.Backend) {
        _ = hasher(backend)
        var random = SeededGenerator(seed: 42)
        for length in 0...300 {
            let message = random.bytes(length)
            let expected = oneShot(message, backend)
            for chunkSize in 1...max(1, length) {
                var hasher = SHA256(backend: backend)
                var start = 0
                while start < length {
                    let end = min(start + chunkSize, length)
                    hasher.update(message[start..<end])
                    start = end
                }
                #expect(hasher.finalize() == expected, "length \(length) chunk size \(chunkSize), \(backend)")
            }
        }
    }

    /// Odd chunk sequences over messages up to 5000 bytes equal the one-shot digest.
    static func oddChunkSequencesMatchOneShot(_ backend: SHA256.Backend) {
        _ = hasher(backend)
        let pattern = [1, 63, 64, 65, 127, 3, 0, 129, 2, 191, 55, 56, 57, 500]
        var random = SeededGenerator(seed: 7)
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4095, 4096, 4097, 5000] {
            let message = random.bytes(length)
            let expected = oneShot(message, backend)
            for offset in 0..<pattern.count {
                var hasher = SHA256(backend: backend)
                var start = 0
                var step = offset
                while start < length {
                    let end = min(start + pattern[step % pattern.count], length)
                    message[start..<end].withUnsafeBytes { hasher.update($0) }
                    start = end
                    step += 1
                }
                #expect(hasher.finalize() == expected, "length \(length) pattern offset \(offset), \(backend)")
            }
        }
    }

    /// Unaligned input pointers hash the same as aligned ones.
    static func unalignedInput(_ backend: SHA256.Backend) {
        _ = hasher(backend)
        var random = SeededGenerator(seed: 99)
        let message = random.bytes(4096 + 200)
        let expected = oneShot(message, backend)
        for misalignment in 1...7 {
            let shifted = [UInt8](repeating: 0, count: misalignment) + message
            shifted.withUnsafeBytes { raw in
                var hasher = SHA256(backend: backend)
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[misalignment...]))
                #expect(hasher.finalize() == expected, "misaligned by \(misalignment), \(backend)")
            }
        }
    }
}
