// Arithmetic in GF(p), p = 2^255 - 19, the field Curve25519 is defined over.
//
// An element is five unsigned 64-bit limbs of 51 bits each, value = l0 + l1·2^51 + l2·2^102 +
// l3·2^153 + l4·2^204 (radix 2^51, as in the "donna-64" and curve25519-dalek representations).
// Because 2^255 ≡ 19 (mod p), a carry out of the top limb comes back into the bottom one times 19.
//
// Bounds (the invariant every function here keeps): each operation returns an element whose limbs
// are below 2^51 + 2^13 ("weakly reduced"; the value may still be ≥ p), and takes such elements.
// So a product term a_i·19·b_j is below 19·2^102.01, each 128-bit column sum of a product below
// 77·2^102 < 2^108.3, every carry between columns fits 64 bits, and the carry out of the top
// column times 19 is below 2^58. Only `bytes` reduces fully, to the representative below p.
//
// Nothing here branches on or indexes memory by an element's value: `bytes`, `isZero` and
// `isNegative` are computed with masks, and the only conditional is `select(_:_:if:)`, a masked
// blend. That is what lets signing be constant-time with respect to the secret scalar.

extension Ed25519 {
    /// An element of GF(2^255 - 19) in radix 2^51, weakly reduced (see the file's comment).
    internal struct FieldElement: Sendable {
        internal var l0: UInt64
        internal var l1: UInt64
        internal var l2: UInt64
        internal var l3: UInt64
        internal var l4: UInt64

        @inline(__always)
        internal init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
            self.l0 = l0
            self.l1 = l1
            self.l2 = l2
            self.l3 = l3
            self.l4 = l4
        }

        /// The low 51 bits.
        internal static let mask: UInt64 = (1 << 51) - 1

        internal static let zero = FieldElement(0, 0, 0, 0, 0)
        internal static let one = FieldElement(1, 0, 0, 0, 0)

        /// The small integer `value` (< 2^51) as a field element.
        internal init(small value: UInt64) {
            self.init(value, 0, 0, 0, 0)
        }

        /// The element that 32 little-endian bytes encode, ignoring the top bit (bit 255), as
        /// RFC 8032 §5.1.3 reads a y coordinate. Values in p…2^255-1 are accepted here and reduced
        /// later; a decoder that must reject them compares `bytes` with its input.
        internal init(bytes: UnsafeRawBufferPointer) {
            precondition(bytes.count == 32, "a field element is 32 bytes")
            let w0 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            let w1 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            let w2 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            let w3 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            let m = Self.mask
            self.init(w0 & m,
                      ((w0 >> 51) | (w1 << 13)) & m,
                      ((w1 >> 38) | (w2 << 26)) & m,
                      ((w2 >> 25) | (w3 << 39)) & m,
                      (w3 >> 12) & m)
        }

        /// The canonical 32-byte little-endian encoding: the representative in 0..<p, top bit 0.
        internal var bytes: [UInt8] {
            let m = Self.mask
            // One carry pass: limbs below 2^51 except l0, which may exceed it by 19·(small).
            var h = self.carried()
            // q = 1 exactly when the value is ≥ p, i.e. when value + 19 reaches 2^255.
            var q = (h.l0 &+ 19) >> 51
            q = (h.l1 &+ q) >> 51
            q = (h.l2 &+ q) >> 51
            q = (h.l3 &+ q) >> 51
            q = (h.l4 &+ q) >> 51
            // Subtract q·p: add 19·q and drop bit 255.
            h.l0 &+= 19 &* q
            h.l1 &+= h.l0 >> 51; h.l0 &= m
            h.l2 &+= h.l1 >> 51; h.l1 &= m
            h.l3 &+= h.l2 >> 51; h.l2 &= m
            h.l4 &+= h.l3 >> 51; h.l3 &= m
            h.l4 &= m
            let w0 = h.l0 | (h.l1 << 51)
            let w1 = (h.l1 >> 13) | (h.l2 << 38)
            let w2 = (h.l2 >> 26) | (h.l3 << 25)
            let w3 = (h.l3 >> 39) | (h.l4 << 12)
            return [UInt8](unsafeUninitializedCapacity: 32) { output, count in
                let raw = UnsafeMutableRawBufferPointer(output)
                raw.storeBytes(of: w0.littleEndian, toByteOffset: 0, as: UInt64.self)
                raw.storeBytes(of: w1.littleEndian, toByteOffset: 8, as: UInt64.self)
                raw.storeBytes(of: w2.littleEndian, toByteOffset: 16, as: UInt64.self)
                raw.storeBytes(of: w3.littleEndian, toByteOffset: 24, as: UInt64.self)
                count = 32
            }
        }

        /// Whether the element is 0 mod p, without branching on its value.
        internal var isZero: Bool {
            var accumulated: UInt8 = 0
            for byte in bytes { accumulated |= byte }
            return accumulated == 0
        }

        /// Whether the canonical representative is odd: RFC 8032's "negative" x, the sign bit of
        /// an encoded point.
        internal var isNegative: Bool {
            bytes[0] & 1 == 1
        }

        /// Whether `self` and `other` are the same element of GF(p).
        internal func equals(_ other: FieldElement) -> Bool {
            ConstantTime.equals(bytes, other.bytes)
        }

        /// One carry pass: every limb below 2^51 + 2^13 afterwards, for limbs below 2^63 before.
        @inline(__always)
        internal func carried() -> FieldElement {
            let m = Self.mask
            var h = self
            h.l1 &+= h.l0 >> 51; h.l0 &= m
            h.l2 &+= h.l1 >> 51; h.l1 &= m
            h.l3 &+= h.l2 >> 51; h.l2 &= m
            h.l4 &+= h.l3 >> 51; h.l3 &= m
            h.l0 &+= 19 &* (h.l4 >> 51); h.l4 &= m
            return h
        }

        @inline(__always)
        internal static func + (a: FieldElement, b: FieldElement) -> FieldElement {
            FieldElement(a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3, a.l4 &+ b.l4).carried()
        }

        /// a - b computed as a + 4p - b, so no limb goes below zero for weakly reduced b.
        @inline(__always)
        internal static func - (a: FieldElement, b: FieldElement) -> FieldElement {
            FieldElement((a.l0 &+ 0x1F_FFFF_FFFF_FFB4) &- b.l0,
                         (a.l1 &+ 0x1F_FFFF_FFFF_FFFC) &- b.l1,
                         (a.l2 &+ 0x1F_FFFF_FFFF_FFFC) &- b.l2,
                         (a.l3 &+ 0x1F_FFFF_FFFF_FFFC) &- b.l3,
                         (a.l4 &+ 0x1F_FFFF_FFFF_FFFC) &- b.l4).carried()
        }

        @inline(__always)
        internal static prefix func - (a: FieldElement) -> FieldElement {
            zero - a
        }

        @inline(__always)
        internal static func * (a: FieldElement, b: FieldElement) -> FieldElement {
            let b1 = b.l1 &* 19, b2 = b.l2 &* 19, b3 = b.l3 &* 19, b4 = b.l4 &* 19
            var c0 = Wide(a.l0, b.l0)
            c0.add(a.l1, b4); c0.add(a.l2, b3); c0.add(a.l3, b2); c0.add(a.l4, b1)
            var c1 = Wide(a.l0, b.l1)
            c1.add(a.l1, b.l0); c1.add(a.l2, b4); c1.add(a.l3, b3); c1.add(a.l4, b2)
            var c2 = Wide(a.l0, b.l2)
            c2.add(a.l1, b.l1); c2.add(a.l2, b.l0); c2.add(a.l3, b4); c2.add(a.l4, b3)
            var c3 = Wide(a.l0, b.l3)
            c3.add(a.l1, b.l2); c3.add(a.l2, b.l1); c3.add(a.l3, b.l0); c3.add(a.l4, b4)
            var c4 = Wide(a.l0, b.l4)
            c4.add(a.l1, b.l3); c4.add(a.l2, b.l2); c4.add(a.l3, b.l1); c4.add(a.l4, b.l0)
            return reduce(&c0, &c1, &c2, &c3, &c4)
        }

        /// self², with the symmetric terms computed once (15 products instead of 25).
        @inline(__always)
        internal func squared() -> FieldElement {
            let a0x2 = l0 &* 2, a1x2 = l1 &* 2, a2x2 = l2 &* 2, a3x2 = l3 &* 2
            let a3x19 = l3 &* 19, a4x19 = l4 &* 19
            var c0 = Wide(l0, l0)
            c0.add(a1x2, a4x19); c0.add(a2x2, a3x19)
            var c1 = Wide(a0x2, l1)
            c1.add(a2x2, a4x19); c1.add(l3, a3x19)
            var c2 = Wide(a0x2, l2)
            c2.add(l1, l1); c2.add(a3x2, a4x19)
            var c3 = Wide(a0x2, l3)
            c3.add(a1x2, l2); c3.add(l4, a4x19)
            var c4 = Wide(a0x2, l4)
            c4.add(a1x2, l3); c4.add(l2, l2)
            return Self.reduce(&c0, &c1, &c2, &c3, &c4)
        }

        /// self^(2^count): `count` successive squarings.
        internal func squared(times count: Int) -> FieldElement {
            var result = self
            for _ in 0..<count { result = result.squared() }
            return result
        }

        /// Carries five 128-bit column sums (each below 2^108.3) down to weakly reduced limbs.
        @inline(__always)
        private static func reduce(_ c0: inout Wide, _ c1: inout Wide, _ c2: inout Wide,
                                   _ c3: inout Wide, _ c4: inout Wide) -> FieldElement {
            let m = mask
            c1.add(c0.shiftedRight51)
            c2.add(c1.shiftedRight51)
            c3.add(c2.shiftedRight51)
            c4.add(c3.shiftedRight51)
            var r0 = (c0.low & m) &+ 19 &* c4.shiftedRight51
            var r1 = c1.low & m
            r1 &+= r0 >> 51
            r0 &= m
            return FieldElement(r0, r1, c2.low & m, c3.low & m, c4.low & m)
        }

        /// `b` where `condition` is all ones, `a` where it is zero: a blend with no branch.
        @inline(__always)
        internal static func select(_ a: FieldElement, _ b: FieldElement, if condition: UInt64) -> FieldElement {
            FieldElement(a.l0 ^ (condition & (a.l0 ^ b.l0)),
                         a.l1 ^ (condition & (a.l1 ^ b.l1)),
                         a.l2 ^ (condition & (a.l2 ^ b.l2)),
                         a.l3 ^ (condition & (a.l3 ^ b.l3)),
                         a.l4 ^ (condition & (a.l4 ^ b.l4)))
        }

        /// (self^(2^250 - 1), self^11): the shared start of the chains for p - 2 and (p - 5)/8.
        private func power2To250Minus1() -> (FieldElement, FieldElement) {
            let z2 = squared()                              // 2
            let z9 = self * z2.squared(times: 2)            // 9
            let z11 = z2 * z9                               // 11
            let z2_5_0 = z9 * z11.squared()                 // 2^5 - 1 = 31
            let z2_10_0 = z2_5_0.squared(times: 5) * z2_5_0
            let z2_20_0 = z2_10_0.squared(times: 10) * z2_10_0
            let z2_40_0 = z2_20_0.squared(times: 20) * z2_20_0
            let z2_50_0 = z2_40_0.squared(times: 10) * z2_10_0
            let z2_100_0 = z2_50_0.squared(times: 50) * z2_50_0
            let z2_200_0 = z2_100_0.squared(times: 100) * z2_100_0
            let z2_250_0 = z2_200_0.squared(times: 50) * z2_50_0
            return (z2_250_0, z11)
        }

        /// self^-1 = self^(p-2) (Fermat), in constant time; 0 gives 0.
        internal func inverted() -> FieldElement {
            let (z2_250_0, z11) = power2To250Minus1()
            // 2^255 - 32 + 11 = 2^255 - 21 = p - 2.
            return z2_250_0.squared(times: 5) * z11
        }

        /// self^((p-5)/8) = self^(2^252 - 3), the exponent of RFC 8032 §5.1.3's square root.
        internal func powerPMinus5Over8() -> FieldElement {
            let (z2_250_0, _) = power2To250Minus1()
            return z2_250_0.squared(times: 2) * self
        }

        /// The curve constant d = -121665/121666 (RFC 8032 §5.1).
        internal static let d: FieldElement = -(FieldElement(small: 121_665) * FieldElement(small: 121_666).inverted())
        /// 2·d, as the addition formulas use it.
        internal static let d2: FieldElement = d + d
        /// A square root of -1: 2^((p-1)/4) (RFC 8032 §5.1.3).
        internal static let sqrtMinusOne: FieldElement = {
            // Square and multiply, most significant bit first, over the 253 bits of
            // (p - 1)/4 = 2^253 - 5: all ones except the bit at position 2 (loop index 250).
            var result = FieldElement.one
            let two = FieldElement(small: 2)
            for bit in 0..<253 {
                result = result.squared()
                if bit != 250 { result = result * two }
            }
            return result
        }()
    }
}

/// A 128-bit column sum of 64×64-bit products, for the field multiplication.
internal struct Wide {
    internal var low: UInt64
    internal var high: UInt64

    /// a·b.
    @inline(__always)
    internal init(_ a: UInt64, _ b: UInt64) {
        let product = a.multipliedFullWidth(by: b)
        low = product.low
        high = product.high
    }

    /// Adds a·b.
    @inline(__always)
    internal mutating func add(_ a: UInt64, _ b: UInt64) {
        let product = a.multipliedFullWidth(by: b)
        let (sum, overflow) = low.addingReportingOverflow(product.low)
        low = sum
        high = high &+ product.high &+ (overflow ? 1 : 0)
    }

    /// Adds a 64-bit value.
    @inline(__always)
    internal mutating func add(_ value: UInt64) {
        let (sum, overflow) = low.addingReportingOverflow(value)
        low = sum
        high = high &+ (overflow ? 1 : 0)
    }

    /// The value shifted right by 51 bits, for sums below 2^115 (so that the result fits 64 bits).
    @inline(__always)
    internal var shiftedRight51: UInt64 {
        (high << 13) | (low >> 51)
    }
}
