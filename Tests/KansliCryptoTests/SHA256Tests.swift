import KansliCrypto
import Testing
import KansliTestSupport

@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    /// The FIPS 180-4 / NIST CSRC example messages and the empty message.
    static let vectors: [(message: String, digest: String)] = [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test("NIST example messages (abc, empty, 448-bit, 896-bit) give the published digests",
          arguments: SHA256.Backend.allCases)
    func nistExampleMessages(backend: SHA256.Backend) {
        for vector in Self.vectors {
            var hasher = SHA256(backend: backend)
            hasher.update(Array(vector.message.utf8))
            #expect(Hex.encode(hasher.finalize()) == vector.digest, "message \"\(vector.message)\"")
        }
    }

    @Test("One million 'a' gives the published digest, fed at once and in 1000-byte pieces",
          arguments: SHA256.Backend.allCases)
    func oneMillionA(backend: SHA256.Backend) {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var whole = SHA256(backend: backend)
        whole.update(message)
        #expect(Hex.encode(whole.finalize()) == expected)

        var pieces = SHA256(backend: backend)
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { pieces.update(piece) }
        #expect(Hex.encode(pieces.finalize()) == expected)
    }

    @Test("Empty input: no update, an empty array and an empty buffer all give SHA-256(\"\")")
    func emptyInput() {
        let expected = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(Hex.encode(SHA256().finalize()) == expected)
        #expect(Hex.encode(SHA256.hash([UInt8]())) == expected)
        var hasher = SHA256()
        hasher.update([])
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(Hex.encode(hasher.finalize()) == expected)
        #expect(SHA256.digestByteCount == 32 && SHA256.blockByteCount == 64)
    }

    @Test("Every length 0…300, split into two parts at every boundary, equals the one-shot digest",
          arguments: SHA256.Backend.allCases)
    func everySplitPointMatchesOneShot(backend: SHA256.Backend) {
        var random = SeededGenerator(seed: 0x5348_4132_3536)
        for length in 0...300 {
            let message = random.bytes(length)
            let expected = oneShot(message, backend)
            for split in 0...length {
                var hasher = SHA256(backend: backend)
                hasher.update(Array(message[..<split]))
                hasher.update(Array(message[split...]))
                #expect(hasher.finalize() == expected, "length \(length) split at \(split)")
            }
        }
    }

    @Test("Every length 0…300 fed in fixed chunks of every size 1…length equals the one-shot digest",
          arguments: SHA256.Backend.allCases)
    func everyChunkSizeMatchesOneShot(backend: SHA256.Backend) {
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
                #expect(hasher.finalize() == expected, "length \(length) chunk size \(chunkSize)")
            }
        }
    }

    @Test("Odd chunk sequences (1, 63, 64, 65, 127, 3 … bytes) over messages up to 5000 bytes equal one-shot",
          arguments: SHA256.Backend.allCases)
    func oddChunkSequencesMatchOneShot(backend: SHA256.Backend) {
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
                #expect(hasher.finalize() == expected, "length \(length) pattern offset \(offset)")
            }
        }
    }

    @Test("Unaligned input pointers hash the same as aligned ones", arguments: SHA256.Backend.allCases)
    func unalignedInput(backend: SHA256.Backend) {
        var random = SeededGenerator(seed: 99)
        let message = random.bytes(4096 + 200)
        let expected = oneShot(message, backend)
        for misalignment in 1...7 {
            let shifted = [UInt8](repeating: 0, count: misalignment) + message
            shifted.withUnsafeBytes { raw in
                var hasher = SHA256(backend: backend)
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[misalignment...]))
                #expect(hasher.finalize() == expected, "misaligned by \(misalignment)")
            }
        }
    }

    @Test("finalize() leaves the value unchanged: it can keep hashing, and copies fork independently")
    func finalizeDoesNotMutate() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        let copy = hasher
        #expect(Hex.encode(hasher.finalize()) == Hex.encode(SHA256.hash(Array("ab".utf8))))
        #expect(hasher.finalize() == hasher.finalize())
        hasher.update(Array("c".utf8))
        #expect(Hex.encode(hasher.finalize())
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var fork = copy
        fork.update(Array("x".utf8))
        #expect(fork.finalize() == SHA256.hash(Array("abx".utf8)))
        #expect(copy.finalize() == SHA256.hash(Array("ab".utf8)))
    }

    @Test("Sequence conveniences (ArraySlice, String.UTF8View, non-contiguous, raw buffer) agree")
    func sequenceConveniences() {
        let text = String(repeating: "Kansli gemensam nämnd ", count: 20)
        let expected = SHA256.hash(Array(text.utf8))
        #expect(SHA256.hash(text.utf8) == expected)
        #expect(SHA256.hash(Array(text.utf8)[...]) == expected)
        #expect(SHA256.hash(text.utf8.lazy.map { $0 }) == expected)
        #expect(Array(text.utf8).withUnsafeBytes { SHA256.hash($0) } == expected)
        var hasher = SHA256()
        hasher.update(AnySequence(text.utf8))   // not contiguous: goes through the stack buffer
        #expect(hasher.finalize() == expected)
    }

    private func oneShot(_ message: [UInt8], _ backend: SHA256.Backend) -> [UInt8] {
        var hasher = SHA256(backend: backend)
        hasher.update(message)
        return hasher.finalize()
    }
}
