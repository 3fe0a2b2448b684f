// Integers modulo the group order L = 2^252 + 27742317777372353535851937790883648493
// (RFC 8032 §5.1), the scalars of Ed25519.
//
// A scalar is four little-endian 64-bit words. The one reduction needed, of a value below 2^512
// (a SHA-512 digest, or r + k·a), is Barrett's (Handbook of Applied Cryptography, algorithm
// 14.42, base 2^64, k = 4) with μ = ⌊2^512 / L⌋: two multiplications by constants and at most
// two subtractions of L, which are done with masks so that the time taken does not depend on the
// value — signing reduces secret values here.

extension Ed25519 {
    /// An integer modulo L, or (for the clamped secret scalar) below 2^255, as four
    /// little-endian words.
    internal struct Scalar: Sendable, Equatable {
        internal var words: (UInt64, UInt64, UInt64, UInt64)

        internal static func == (a: Scalar, b: Scalar) -> Bool {
            a.words == b.words
        }

        /// L, little-endian words.
        internal static let order: [UInt64] = [0x5812_631a_5cf5_d3ed, 0x14de_f9de_a2f7_9cd6, 0, 0x1000_0000_0000_0000]
        /// ⌊2^512 / L⌋, a 260-bit number, little-endian words.
        internal static let barrettMu: [UInt64] = [0xed9c_e5a3_0a2c_131b, 0x2106_215d_0863_29a7,
                                                   0xffff_ffff_ffff_ffeb, 0xffff_ffff_ffff_ffff, 0xf]

        internal init(words: (UInt64, UInt64, UInt64, UInt64)) {
            self.words = words
        }

        /// The 32 little-endian bytes as an integer (any value below 2^256, not reduced).
        internal init(bytes: ArraySlice<UInt8>) {
            precondition(bytes.count == 32, "a scalar is 32 bytes")
            let start = bytes.startIndex
            func word(_ index: Int) -> UInt64 {
                var value: UInt64 = 0
                for offset in (0..<8).reversed() { value = value << 8 | UInt64(bytes[start + index * 8 + offset]) }
                return value
            }
            words = (word(0), word(1), word(2), word(3))
        }

        /// The scalar that the 32 bytes encode, or nil unless it is below L: RFC 8032 §5.1.7
        /// rejects a signature whose S is not, which rules out malleated signatures S + L.
        internal init?(canonical bytes: ArraySlice<UInt8>) {
            self.init(bytes: bytes)
            let value = [words.0, words.1, words.2, words.3]
            for index in (0..<4).reversed() where value[index] != Self.order[index] {
                if value[index] > Self.order[index] { return nil }
                return
            }
            return nil  // equal to L
        }

        /// A 64-byte little-endian value (a SHA-512 digest) reduced modulo L.
        internal init(reducing wide: [UInt8]) {
            precondition(wide.count == 64, "a wide scalar is 64 bytes")
            var value = [UInt64](repeating: 0, count: 8)
            for index in 0..<64 { value[index / 8] |= UInt64(wide[index]) << (8 * UInt64(index % 8)) }
            self = Self.reduce(value)
        }

        /// (a·b + c) mod L, for a, b, c below 2^256 with a·b + c below 2^512.
        internal static func multiplyAdd(_ a: Scalar, _ b: Scalar, _ c: Scalar) -> Scalar {
            var product = multiply(a.array, b.array)
            var carry: UInt64 = 0
            let addend = c.array
            for index in 0..<8 {
                let (sum1, overflow1) = product[index].addingReportingOverflow(index < 4 ? addend[index] : 0)
                let (sum2, overflow2) = sum1.addingReportingOverflow(carry)
                product[index] = sum2
                carry = (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
            }
            return reduce(product)
        }

        /// The 32 little-endian bytes.
        internal var bytes: [UInt8] {
            var output = [UInt8](repeating: 0, count: 32)
            for (wordIndex, word) in array.enumerated() {
                for offset in 0..<8 { output[wordIndex * 8 + offset] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(offset))) }
            }
            return output
        }

        internal var array: [UInt64] { [words.0, words.1, words.2, words.3] }

        /// Barrett reduction of an eight-word value: the result is below L.
        private static func reduce(_ x: [UInt64]) -> Scalar {
            // q1 = ⌊x / b^3⌋, q3 = ⌊q1·μ / b^5⌋: an estimate of ⌊x / L⌋ that is at most 2 too small.
            let q1 = Array(x[3..<8])
            let q3 = Array(multiply(q1, barrettMu)[5..<10])
            // r = (x mod b^5) - (q3·L mod b^5), computed mod b^5; the true value is in 0..<3L.
            let q3L = multiply(q3, order)
            var r = [UInt64](repeating: 0, count: 5)
            var borrow: UInt64 = 0
            for index in 0..<5 {
                let (difference1, underflow1) = x[index].subtractingReportingOverflow(q3L[index])
                let (difference2, underflow2) = difference1.subtractingReportingOverflow(borrow)
                r[index] = difference2
                borrow = (underflow1 ? 1 : 0) | (underflow2 ? 1 : 0)
            }
            subtractOrderIfNotBelow(&r)
            subtractOrderIfNotBelow(&r)
            return Scalar(words: (r[0], r[1], r[2], r[3]))
        }

        /// r - L when r ≥ L, else r, choosing with a mask rather than a branch.
        private static func subtractOrderIfNotBelow(_ r: inout [UInt64]) {
            var difference = [UInt64](repeating: 0, count: 5)
            var borrow: UInt64 = 0
            for index in 0..<5 {
                let (difference1, underflow1) = r[index].subtractingReportingOverflow(index < 4 ? order[index] : 0)
                let (difference2, underflow2) = difference1.subtractingReportingOverflow(borrow)
                difference[index] = difference2
                borrow = (underflow1 ? 1 : 0) | (underflow2 ? 1 : 0)
            }
            // borrow = 1: r < L, keep r.
            let keep = 0 &- borrow
            for index in 0..<5 { r[index] = difference[index] ^ (keep & (difference[index] ^ r[index])) }
        }

        /// The full product of two little-endian multi-word numbers (schoolbook).
        private static func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
            var result = [UInt64](repeating: 0, count: a.count + b.count)
            for i in 0..<a.count {
                var carry: UInt64 = 0
                for j in 0..<b.count {
                    let product = a[i].multipliedFullWidth(by: b[j])
                    let (sum1, overflow1) = result[i + j].addingReportingOverflow(product.low)
                    let (sum2, overflow2) = sum1.addingReportingOverflow(carry)
                    result[i + j] = sum2
                    // r + a·b + carry < 2^128, so this cannot overflow.
                    carry = product.high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
                }
                result[i + b.count] = carry
            }
            return result
        }

        /// 64 signed radix-16 digits e₀…e₆₃ in -8…8 with value Σ eᵢ·16^i, for the base point's
        /// fixed-window multiplication. Needs the value below 2^255. Constant time.
        internal var radix16Digits: [Int8] {
            let value = bytes
            var digits = [Int8](repeating: 0, count: 64)
            for index in 0..<32 {
                digits[2 * index] = Int8(value[index] & 15)
                digits[2 * index + 1] = Int8(value[index] >> 4)
            }
            // Move each digit into -8…7 by carrying 16 into the next; the top digit takes the
            // last carry and stays at most 8 because the value is below 2^255.
            var carry: Int8 = 0
            for index in 0..<63 {
                digits[index] &+= carry
                carry = (digits[index] &+ 8) >> 4
                digits[index] &-= carry << 4
            }
            digits[63] &+= carry
            return digits
        }

        /// The width-`width` non-adjacent form: 257 digits, each zero or odd with absolute value
        /// below 2^(width-1), at most one nonzero in any `width` consecutive ones, with value
        /// Σ dᵢ·2^i. Variable time: the verifier uses it on public scalars only.
        internal func nonAdjacentForm(width: Int) -> [Int8] {
            precondition(width >= 2 && width <= 8, "a NAF window is 2…8 bits wide")
            var digits = [Int8](repeating: 0, count: 257)
            var k = [words.0, words.1, words.2, words.3, 0]
            let window = UInt64(1) << UInt64(width)
            var position = 0
            while k.contains(where: { $0 != 0 }) {
                if k[0] & 1 == 1 {
                    var digit = Int64(k[0] & (window - 1))
                    if digit >= Int64(window / 2) { digit -= Int64(window) }
                    digits[position] = Int8(digit)
                    // k -= digit: the low `width` bits become zero.
                    if digit > 0 {
                        Self.subtractSmall(&k, UInt64(digit))
                    } else {
                        Self.addSmall(&k, UInt64(-digit))
                    }
                }
                for index in 0..<4 { k[index] = k[index] >> 1 | k[index + 1] << 63 }
                k[4] >>= 1
                position += 1
            }
            return digits
        }

        private static func subtractSmall(_ k: inout [UInt64], _ value: UInt64) {
            var borrow = value
            for index in k.indices where borrow != 0 {
                let (difference, underflow) = k[index].subtractingReportingOverflow(borrow)
                k[index] = difference
                borrow = underflow ? 1 : 0
            }
        }

        private static func addSmall(_ k: inout [UInt64], _ value: UInt64) {
            var carry = value
            for index in k.indices where carry != 0 {
                let (sum, overflow) = k[index].addingReportingOverflow(carry)
                k[index] = sum
                carry = overflow ? 1 : 0
            }
        }
    }
}
