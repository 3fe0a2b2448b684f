import KansliCrypto
import Testing

@Suite("ConstantTime.equals")
struct ConstantTimeTests {
    @Test("Equal arrays compare equal, including two empty arrays")
    func equalArrays() {
        #expect(ConstantTime.equals([], []))
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        let mac = SHA256.hash(Array("x".utf8))
        #expect(ConstantTime.equals(mac, Array(mac)))
    }

    @Test("A difference in any single byte or bit makes them unequal")
    func anyDifferenceIsDetected() {
        let base = SHA256.hash(Array("tag".utf8))
        for index in base.indices {
            for bit in 0..<8 {
                var changed = base
                changed[index] ^= 1 << bit
                #expect(!ConstantTime.equals(base, changed), "byte \(index) bit \(bit)")
            }
        }
    }

    @Test("Different lengths are unequal, even when one is a prefix of the other")
    func differentLengths() {
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([], [0]))
    }
}
