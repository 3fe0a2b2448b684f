// Fixed-base multiplication [s]B in constant time, with a table computed at first use.
//
// The scalar is written in 64 signed radix-16 digits eᵢ ∈ -8…8, s = Σ eᵢ·16^i (see
// `Scalar.radix16Digits`). Grouping odd and even i,
//     [s]B = 16·Σ_{i odd} eᵢ·256^((i-1)/2)·B + Σ_{i even} eᵢ·256^(i/2)·B,
// so a table of row j = 0…31 holding 1·256^j·B … 8·256^j·B (256 affine points, about 30 KiB)
// turns [s]B into 64 mixed additions and 4 doublings (the approach of ref10 and its successors).
//
// Each lookup reads all eight entries of its row and keeps the wanted one with a mask, then
// negates it with a mask when the digit is negative: neither the memory touched nor any branch
// depends on the digit, i.e. on the secret scalar.

extension Ed25519 {
    /// The base point B (RFC 8032 §5.1): y = 4/5, x even; encoded 0x58 followed by 31 × 0x66.
    internal static let basePoint: ExtendedPoint = {
        let encoding: [UInt8] = [0x58] + [UInt8](repeating: 0x66, count: 31)
        do {
            return try ExtendedPoint.decode(encoding)
        } catch {
            preconditionFailure("the base point's encoding does not decode: \(error)")
        }
    }()

    /// Row j (entries 8j…8j+7) holds k·256^j·B for k = 1…8, affine.
    internal static let baseTable: [NielsPoint] = {
        var table: [NielsPoint] = []
        table.reserveCapacity(32 * 8)
        var rowBase = basePoint
        for _ in 0..<32 {
            var multiple = rowBase
            let rowBaseCached = rowBase.cached
            for k in 1...8 {
                table.append(multiple.niels)
                if k < 8 { multiple = multiple.adding(rowBaseCached) }
            }
            for _ in 0..<8 { rowBase = rowBase.doubled() }
        }
        return table
    }()

    /// [scalar]B in constant time; the scalar must be below 2^255.
    internal static func multiplyBase(_ scalar: Scalar) -> ExtendedPoint {
        let digits = scalar.radix16Digits
        var result = ExtendedPoint.identity
        baseTable.withUnsafeBufferPointer { table in
            for index in stride(from: 1, to: 64, by: 2) {
                result = result.adding(lookUp(table, row: index / 2, digit: digits[index]))
            }
            result = result.doubled().doubled().doubled().doubled()
            for index in stride(from: 0, to: 64, by: 2) {
                result = result.adding(lookUp(table, row: index / 2, digit: digits[index]))
            }
        }
        return result
    }

    /// digit·256^row·B from the table, reading the whole row and choosing with masks.
    @inline(__always)
    private static func lookUp(_ table: UnsafeBufferPointer<NielsPoint>, row: Int, digit: Int8) -> NielsPoint {
        // All ones when the digit is negative.
        let negative = UInt64(bitPattern: Int64(digit) >> 63)
        let magnitude = UInt64(bitPattern: (Int64(digit) ^ Int64(bitPattern: negative)) &- Int64(bitPattern: negative))
        var chosen = NielsPoint.identity
        for k in 1...8 {
            // All ones exactly when magnitude == k: (x - 1) >> 63 is 1 only for x = 0 (x < 2^63).
            let equal = 0 &- (((magnitude ^ UInt64(k)) &- 1) >> 63)
            chosen = NielsPoint.select(chosen, table[row &* 8 &+ k &- 1], if: equal)
        }
        return chosen.negated(if: negative)
    }
}
