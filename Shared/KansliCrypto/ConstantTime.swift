/// Comparisons whose running time does not depend on the bytes compared.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes, taking time that depends only on their lengths.
    ///
    /// Use it for MACs, tokens and password hashes. Arrays of different lengths are unequal at
    /// once: lengths are not secret (a MAC's length is fixed by the protocol).
    @inline(never)
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                for index in 0..<left.count {
                    difference |= left[index] ^ right[index]
                }
            }
        }
        return difference == 0
    }
}
