@testable import KansliCrypto
import Testing
import KansliTestSupport

/// One RFC 4231 §4 test case.
struct RFC4231Case: Sendable, CustomTestStringConvertible {
    let number: Int
    let key: [UInt8]
    let data: [UInt8]
    /// The published HMAC-SHA-256, 16 bytes for the truncated case 5 and 32 otherwise.
    let mac: String

    var testDescription: String { "RFC 4231 test case \(number)" }

    static let all: [RFC4231Case] = [
        RFC4231Case(number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
                    mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        RFC4231Case(number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
                    mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        RFC4231Case(number: 3, key: [UInt8](repeating: 0xaa, count: 20),
                    data: [UInt8](repeating: 0xdd, count: 50),
                    mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        RFC4231Case(number: 4, key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
                    mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        RFC4231Case(number: 5, key: [UInt8](repeating: 0x0c, count: 20),
                    data: Array("Test With Truncation".utf8),
                    mac: "a3b6167473100ee06e0c796c2955552b"),
        RFC4231Case(number: 6, key: [UInt8](repeating: 0xaa, count: 131),
                    data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                    mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        RFC4231Case(number: 7, key: [UInt8](repeating: 0xaa, count: 131),
                    data: Array(("This is a test using a larger than block-size key and a larger than "
                                 + "block-size data. The key needs to be hashed before being used by the "
                                 + "HMAC algorithm.").utf8),
                    mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]
}

@Suite("HMAC-SHA256 (RFC 2104, RFC 4231)")
struct HMACSHA256Tests {
    @Test("RFC 4231 test cases 1–7 give the published MACs (case 5 compared truncated to 128 bits)",
          arguments: RFC4231Case.all)
    func rfc4231(testCase: RFC4231Case) {
        let full = HMACSHA256.authenticate(testCase.data, key: testCase.key)
        #expect(full.count == HMACSHA256.byteCount)
        let compared = Array(full.prefix(testCase.mac.count / 2))
        #expect(Hex.encode(compared) == testCase.mac)
    }

    @Test("RFC 4231 cases give the published MACs on the portable backend, the message streamed byte by byte")
    func rfc4231StreamedPortable() { Self.rfc4231Streamed(.portable) }

    /// RFC 4231 cases 1–7 on `backend`, fed one byte at a time; `SHA256AcceleratedTests` runs it
    /// on SHA-NI where the CPU has it.
    static func rfc4231Streamed(_ backend: SHA256.Backend) {
        for testCase in RFC4231Case.all {
            var mac = HMACSHA256(key: testCase.key, backend: backend)
            #expect(mac.inner.backend == backend, "asked for \(backend), got \(mac.inner.backend)")
            for byte in testCase.data { mac.update([byte]) }
            #expect(Hex.encode(Array(mac.finalize().prefix(testCase.mac.count / 2))) == testCase.mac,
                    "case \(testCase.number), \(backend)")
        }
    }

    @Test("The key's padded blocks are hashed once in init: a keyed value holds both states, nothing buffered")
    func keyedStateIsPrecomputed() {
        let keyed = HMACSHA256(key: [UInt8](repeating: 0xaa, count: 131))
        #expect(keyed.inner.totalByteCount == 64 && keyed.inner.bufferedByteCount == 0)
        #expect(keyed.outer.totalByteCount == 64 && keyed.outer.bufferedByteCount == 0)
        var copy = keyed
        copy.update(Array("message".utf8))
        // Updating a copy touches only the copy's inner state; the keyed original is intact.
        #expect(copy.inner.totalByteCount == 64 + 7)
        #expect(keyed.inner.totalByteCount == 64)
    }

    @Test("Copies of one keyed value authenticate different messages independently")
    func copiesOfAKeyedValueAreIndependent() {
        let key = Array("session key".utf8)
        let keyed = HMACSHA256(key: key)
        var random = SeededGenerator(seed: 4231)
        for length in [0, 1, 31, 32, 55, 56, 64, 65, 200, 1000] {
            let message = random.bytes(length)
            var mac = keyed
            mac.update(message)
            #expect(mac.finalize() == HMACSHA256.authenticate(message, key: key), "length \(length)")
        }
        #expect(keyed.finalize() == HMACSHA256.authenticate([], key: key))
    }

    @Test("A 64-byte key is used as is, a 65-byte key is hashed first, and finalize() does not mutate")
    func keyLengthsAtTheBlockBoundary() {
        let key64 = [UInt8](repeating: 0x11, count: 64)
        let key65 = [UInt8](repeating: 0x11, count: 65)
        let message = Array("boundary".utf8)
        #expect(HMACSHA256.authenticate(message, key: key64) != HMACSHA256.authenticate(message, key: key65))
        #expect(HMACSHA256.authenticate(message, key: key65)
                == HMACSHA256.authenticate(message, key: SHA256.hash(key65)))
        var mac = HMACSHA256(key: key64)
        mac.update(message)
        #expect(mac.finalize() == mac.finalize())
    }
}
