import KansliCrypto
import Testing

@Suite("SHA-256 (FIPS 180-4)")
struct SHA256Tests {
    // The checks every backend must pass, on the portable backend, which runs on every CPU;
    // SHA256AcceleratedTests runs the same checks on SHA-NI.

    @Test("NIST example messages (abc, empty, 448-bit, 896-bit) give the published digests")
    func nistExampleMessages() { SHA256Conformance.nistExampleMessages(.portable) }

    @Test("Known answers at 55, 56, 63, 64 and 65 bytes, at once, byte by byte and split at every offset")
    func boundaryKnownAnswers() { SHA256Conformance.boundaryKnownAnswers(.portable) }

    @Test("One million 'a' gives the published digest, fed at once and in 1000-byte pieces")
    func oneMillionA() { SHA256Conformance.oneMillionA(.portable) }

    @Test("Every length 0…300, split into two parts at every boundary, equals the one-shot digest")
    func everySplitPointMatchesOneShot() { SHA256Conformance.everySplitPointMatchesOneShot(.portable) }

    @Test("Every length 0…300 fed in fixed chunks of every size 1…length equals the one-shot digest")
    func everyChunkSizeMatchesOneShot() { SHA256Conformance.everyChunkSizeMatchesOneShot(.portable) }

    @Test("Odd chunk sequences (1, 63, 64, 65, 127, 3 … bytes) over messages up to 5000 bytes equal one-shot")
    func oddChunkSequencesMatchOneShot() { SHA256Conformance.oddChunkSequencesMatchOneShot(.portable) }

    @Test("Unaligned input pointers hash the same as aligned ones")
    func unalignedInput() { SHA256Conformance.unalignedInput(.portable) }

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
}
