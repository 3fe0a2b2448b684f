import KansliCrypto
import Testing

/// Tests that a broken source fails: one that returns zeros, leaves the buffer as it was, repeats
/// itself from call to call, or gives bytes far from uniform. Each bound is loose enough that a
/// working source fails it by chance with the probability given beside it (computed with SciPy,
/// `scipy.stats.chi2` and `scipy.stats.binom`); the whole suite's false-failure probability is
/// below 10⁻¹⁹, so a failure here means the source is broken, not unlucky.
@Suite("SecureRandom")
struct SecureRandomTests {
    @Test("Returns exactly the requested number of bytes, zero included")
    func requestedCount() {
        #expect(SecureRandom.bytes(0).isEmpty)
        for count in [1, 16, 32, 255, 4096] {
            #expect(SecureRandom.bytes(count).count == count)
        }
    }

    @Test("1 000 draws of 32 bytes are all different and none is all zero")
    func drawsDoNotRepeat() {
        // Two draws of a working source collide with probability 2⁻²⁵⁶; 1 000 draws hold fewer
        // than 2¹⁹ pairs, so a repeat by chance has probability below 2⁻²³⁷. A source that
        // restarts from the same state, or returns a constant, repeats at once.
        let draws = (0..<1000).map { _ in SecureRandom.bytes(32) }
        #expect(Set(draws).count == draws.count)
        #expect(!draws.contains([UInt8](repeating: 0, count: 32)))
    }

    @Test("fill() overwrites every part of the buffer, whatever it held before", arguments: [UInt8(0x00), 0xFF])
    func fillOverwritesEverything(_ previous: UInt8) {
        var buffer = [UInt8](repeating: previous, count: 4096)
        buffer.withUnsafeMutableBytes { SecureRandom.fill($0) }
        // A 16-byte piece of working output equals the old contents with probability 2⁻¹²⁸; over
        // the 256 pieces, 2⁻¹²⁰. Bytes left unwritten would show up as such a piece.
        for start in stride(from: 0, to: buffer.count, by: 16) {
            #expect(buffer[start..<start + 16].contains { $0 != previous }, "bytes \(start)..<\(start + 16) unwritten")
        }
    }

    @Test("1 MiB is close to uniform: the byte counts' chi-square and every bit position's balance are in bounds")
    func oneMebibyteIsUniform() {
        let sample = SecureRandom.bytes(1 << 20)
        var counts = [Int](repeating: 0, count: 256)
        var onesPerBit = [Int](repeating: 0, count: 8)
        for byte in sample {
            counts[Int(byte)] += 1
            for bit in 0..<8 where byte & (1 << bit) != 0 { onesPerBit[bit] += 1 }
        }
        // Pearson's chi-square of the 256 byte counts against 4 096 each has 255 degrees of
        // freedom: mean 255, standard deviation 22.6. A working source lands outside 100…700 with
        // probability P(χ² < 100) + P(χ² > 700) = 3.8·10⁻²⁰ + 3.9·10⁻⁴³. Missing or favoured
        // values push it far above 700 (one byte value never drawn adds about 4 096 alone); a
        // counter or other too-even output pulls it below 100.
        let expected = Double(sample.count) / 256
        let chiSquare = counts.reduce(0.0) { sum, count in
            let difference = Double(count) - expected
            return sum + difference * difference / expected
        }
        #expect((100...700).contains(chiSquare), "chi-square \(chiSquare)")
        // Each bit position is set in Binomial(2²⁰, ½) bytes: mean 524 288, standard deviation
        // 512. Outside ±6 000 (11.7 standard deviations) with probability 1.0·10⁻³¹ for one
        // position, 8.3·10⁻³¹ for any of the eight. A stuck or biased bit moves it by ~10⁵.
        for (bit, ones) in onesPerBit.enumerated() {
            #expect(abs(ones - sample.count / 2) <= 6_000, "bit \(bit) set in \(ones) of \(sample.count) bytes")
        }
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
