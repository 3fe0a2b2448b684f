// Points of the twisted Edwards curve -x² + y² = 1 + d·x²·y² (edwards25519, RFC 8032 §5.1).
//
// `ExtendedPoint` keeps extended homogeneous coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z and
// x·y = T/Z, so that addition needs no inversion (RFC 8032 §5.1.4, from Hisil–Wong–Carter–Dawson
// 2008). With a = -1 a square and d a non-square in GF(p) the addition law is complete: the same
// formulas hold for doubling, for the identity and for points of small order, with no special
// cases and so no branches.
//
// Two precomputed forms of a point to be added save work in the loops:
// - `NielsPoint` (y+x, y-x, 2·d·x·y) for affine points (Z = 1), the base point's table;
// - `CachedPoint` (Y+X, Y-X, 2·Z, 2·d·T) for projective points, the verifier's odd multiples.

extension Ed25519 {
    /// A curve point in extended coordinates.
    internal struct ExtendedPoint: Sendable {
        internal var x: FieldElement
        internal var y: FieldElement
        internal var z: FieldElement
        internal var t: FieldElement

        /// The neutral element (0, 1).
        internal static let identity = ExtendedPoint(x: .zero, y: .one, z: .one, t: .zero)

        /// self + self (RFC 8032 §5.1.4, "dbl-2008-hwcd"): 4 multiplications and 4 squarings.
        @inline(__always)
        internal func doubled() -> ExtendedPoint {
            let a = x.squared()
            let b = y.squared()
            let zz = z.squared()
            let c = zz + zz
            let h = a + b
            let e = h - (x + y).squared()
            let g = a - b
            let f = c + g
            return ExtendedPoint(x: e * f, y: g * h, z: f * g, t: e * h)
        }

        /// self + q for an affine precomputed q: 7 multiplications.
        @inline(__always)
        internal func adding(_ q: NielsPoint) -> ExtendedPoint {
            let a = (y - x) * q.yMinusX
            let b = (y + x) * q.yPlusX
            let c = t * q.xy2d
            let d = z + z
            return Self.finish(a: a, b: b, c: c, d: d)
        }

        /// self + q for a projective precomputed q: 8 multiplications.
        @inline(__always)
        internal func adding(_ q: CachedPoint) -> ExtendedPoint {
            let a = (y - x) * q.yMinusX
            let b = (y + x) * q.yPlusX
            let c = t * q.t2d
            let d = z * q.z2
            return Self.finish(a: a, b: b, c: c, d: d)
        }

        /// self - q for a projective precomputed q: the addition with q negated, (-x, y) having
        /// y+x and y-x swapped and T negated.
        @inline(__always)
        internal func subtracting(_ q: CachedPoint) -> ExtendedPoint {
            let a = (y - x) * q.yPlusX
            let b = (y + x) * q.yMinusX
            let c = -(t * q.t2d)
            let d = z * q.z2
            return Self.finish(a: a, b: b, c: c, d: d)
        }

        /// The common tail of the addition formulas: E = B - A, F = D - C, G = D + C, H = B + A.
        @inline(__always)
        private static func finish(a: FieldElement, b: FieldElement, c: FieldElement, d: FieldElement) -> ExtendedPoint {
            let e = b - a
            let f = d - c
            let g = d + c
            let h = b + a
            return ExtendedPoint(x: e * f, y: g * h, z: f * g, t: e * h)
        }

        /// -self.
        internal var negated: ExtendedPoint {
            ExtendedPoint(x: -x, y: y, z: z, t: -t)
        }

        /// This point in the form ``adding(_:)-(CachedPoint)`` takes.
        internal var cached: CachedPoint {
            CachedPoint(yPlusX: y + x, yMinusX: y - x, z2: z + z, t2d: t * FieldElement.d2)
        }

        /// This point made affine, in the form ``adding(_:)-(NielsPoint)`` takes (one inversion).
        internal var niels: NielsPoint {
            let inverse = z.inverted()
            let affineX = x * inverse, affineY = y * inverse
            return NielsPoint(yPlusX: affineY + affineX, yMinusX: affineY - affineX,
                              xy2d: affineX * affineY * FieldElement.d2)
        }

        /// The 32-byte encoding (RFC 8032 §5.1.2): y little-endian, the top bit holding x's
        /// parity. Constant time (the inversion is a fixed chain of squarings).
        internal var encoded: [UInt8] {
            let inverse = z.inverted()
            var bytes = (y * inverse).bytes
            bytes[31] |= ((x * inverse).bytes[0] & 1) << 7
            return bytes
        }

        /// Decodes 32 bytes strictly by RFC 8032 §5.1.3: the y coordinate must be below p, x must
        /// exist, and the sign bit may not be set for x = 0. Variable time: the inputs are public.
        internal static func decode(_ encoding: [UInt8]) throws(Ed25519Error) -> ExtendedPoint {
            guard encoding.count == 32 else {
                throw Ed25519Error(.wrongLength, "a point encoding is 32 bytes, not \(encoding.count)")
            }
            let xIsOdd = encoding[31] & 0x80 != 0
            var yBytes = encoding
            yBytes[31] &= 0x7F
            let y = yBytes.withUnsafeBytes { FieldElement(bytes: $0) }
            guard y.bytes == yBytes else {
                throw Ed25519Error(.nonCanonicalEncoding, "the point's y coordinate is not below 2^255 - 19")
            }
            // x² = (y² - 1) / (d·y² + 1) = u/v; candidate x = u·v³·(u·v⁷)^((p-5)/8).
            let yy = y.squared()
            let u = yy - .one
            let v = yy * FieldElement.d + .one
            let v3 = v.squared() * v
            let v7 = v3.squared() * v
            var x = u * v3 * (u * v7).powerPMinus5Over8()
            let vxx = v * x.squared()
            if vxx.equals(u) {
                // x is a square root.
            } else if vxx.equals(-u) {
                x = x * FieldElement.sqrtMinusOne
            } else {
                throw Ed25519Error(.notOnCurve, "the bytes are not the encoding of a point on edwards25519 (no x for this y)")
            }
            if x.isZero && xIsOdd {
                throw Ed25519Error(.nonCanonicalEncoding, "the point has x = 0 but its sign bit is set")
            }
            if x.isNegative != xIsOdd { x = -x }
            return ExtendedPoint(x: x, y: y, z: .one, t: x * y)
        }
    }

    /// An affine point precomputed for addition: (y + x, y - x, 2·d·x·y).
    internal struct NielsPoint: Sendable {
        internal var yPlusX: FieldElement
        internal var yMinusX: FieldElement
        internal var xy2d: FieldElement

        /// The neutral element (0, 1) in this form.
        internal static let identity = NielsPoint(yPlusX: .one, yMinusX: .one, xy2d: .zero)

        /// `b` where `condition` is all ones, `a` where it is zero, without a branch.
        @inline(__always)
        internal static func select(_ a: NielsPoint, _ b: NielsPoint, if condition: UInt64) -> NielsPoint {
            NielsPoint(yPlusX: .select(a.yPlusX, b.yPlusX, if: condition),
                       yMinusX: .select(a.yMinusX, b.yMinusX, if: condition),
                       xy2d: .select(a.xy2d, b.xy2d, if: condition))
        }

        /// -self where `condition` is all ones, self where it is zero, without a branch:
        /// -(x, y) = (-x, y) swaps y+x with y-x and negates x·y.
        @inline(__always)
        internal func negated(if condition: UInt64) -> NielsPoint {
            NielsPoint(yPlusX: .select(yPlusX, yMinusX, if: condition),
                       yMinusX: .select(yMinusX, yPlusX, if: condition),
                       xy2d: .select(xy2d, -xy2d, if: condition))
        }
    }

    /// A projective point precomputed for addition: (Y + X, Y - X, 2·Z, 2·d·T).
    internal struct CachedPoint: Sendable {
        internal var yPlusX: FieldElement
        internal var yMinusX: FieldElement
        internal var z2: FieldElement
        internal var t2d: FieldElement
    }
}
