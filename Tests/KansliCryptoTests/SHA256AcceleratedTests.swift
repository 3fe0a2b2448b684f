@testable import KansliCrypto
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The checks of `SHA256Conformance` on the SHA-NI backend, which `SHA256Tests` runs on the
/// portable one.
///
/// The suite is enabled only where the CPU has the SHA extensions: elsewhere every test in it is
/// reported as skipped, with the reason, rather than passing after quietly hashing with the
/// portable code (`SHA256(backend: .accelerated)` falls back to it there).
@Suite("SHA-256 on the accelerated backend (SHA-NI)",
       .enabled(if: SHA256.Backend.isAcceleratedAvailable,
                "this CPU has no SHA extensions: the accelerated backend cannot run here, so its tests are skipped"))
struct SHA256AcceleratedTests {
    @Test("Asking for the accelerated backend gives it, not a fallback; it is the default unless forced off")
    func acceleratedIsUsed() {
        #expect(SHA256(backend: .accelerated).backend == .accelerated)
        #expect(HMACSHA256(key: [1, 2, 3], backend: .accelerated).inner.backend == .accelerated)
        let forcedPortable = getenv(SHA256.Backend.portableEnvironmentVariable) != nil
        if !forcedPortable { #expect(SHA256.Backend.default == .accelerated) }
    }

    @Test("NIST example messages (abc, empty, 448-bit, 896-bit) give the published digests")
    func nistExampleMessages() { SHA256Conformance.nistExampleMessages(.accelerated) }

    @Test("Known answers at 55, 56, 63, 64 and 65 bytes, at once, byte by byte and split at every offset")
    func boundaryKnownAnswers() { SHA256Conformance.boundaryKnownAnswers(.accelerated) }

    @Test("One million 'a' gives the published digest, fed at once and in 1000-byte pieces")
    func oneMillionA() { SHA256Conformance.oneMillionA(.accelerated) }

    @Test("Every length 0…300, split into two parts at every boundary, equals the one-shot digest")
    func everySplitPointMatchesOneShot() { SHA256Conformance.everySplitPointMatchesOneShot(.accelerated) }

    @Test("Every length 0…300 fed in fixed chunks of every size 1…length equals the one-shot digest")
    func everyChunkSizeMatchesOneShot() { SHA256Conformance.everyChunkSizeMatchesOneShot(.accelerated) }

    @Test("Odd chunk sequences (1, 63, 64, 65, 127, 3 … bytes) over messages up to 5000 bytes equal one-shot")
    func oddChunkSequencesMatchOneShot() { SHA256Conformance.oddChunkSequencesMatchOneShot(.accelerated) }

    @Test("Unaligned input pointers hash the same as aligned ones")
    func unalignedInput() { SHA256Conformance.unalignedInput(.accelerated) }

    @Test("RFC 4231 HMAC cases give the published MACs on SHA-NI, the message streamed byte by byte")
    func rfc4231Streamed() { HMACSHA256Tests.rfc4231Streamed(.accelerated) }
}
