import KansliCrypto
import Testing

@Suite("SecureRandom")
struct SecureRandomTests {
    @Test("Returns exactly the requested number of bytes, zero included")
    func requestedCount() {
        #expect(SecureRandom.bytes(0).isEmpty)
        for count in [1, 16, 32, 255, 4096] {
            #expect(SecureRandom.bytes(count).count == count)
        }
    }

    @Test("Two 32-byte draws differ, and 64 KiB covers all 256 byte values")
    func outputLooksRandom() {
        #expect(SecureRandom.bytes(32) != SecureRandom.bytes(32))
        var seen = Set<UInt8>()
        for byte in SecureRandom.bytes(65_536) { seen.insert(byte) }
        #expect(seen.count == 256)
    }

    @Test("A request larger than one getrandom call can return (32 MiB) is filled completely")
    func largeRequestIsFilledToTheEnd() {
        let count = (32 << 20) + 1000
        let random = SecureRandom.bytes(count)
        #expect(random.count == count)
        // If the tail were never written it would be whatever the allocator left there; a 1000-byte
        // all-zero tail from a working source has probability 2^-8000.
        #expect(random.suffix(1000).contains { $0 != 0 })
    }
}
