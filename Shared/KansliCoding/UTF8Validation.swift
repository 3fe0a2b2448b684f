/// UTF-8 validation over raw bytes, without building anything.
///
/// `String(validating:as:)` is generic and, on this toolchain, not specialised for UTF-8 at the call
/// site: it looks up type metadata on every call, which made it the largest single cost of decoding.
/// This check runs eight ASCII bytes per step, and the strict rules of RFC 3629 otherwise (no
/// overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil if all
    /// `count` bytes at `start` are valid.
    @inline(__always)
    static func firstInvalidOffset(_ start: UnsafeRawPointer, count: Int) -> Int? {
        isASCII(start, count: count) ? nil : firstInvalidOffsetSlowly(start, count: count, from: 0)
    }

    /// Whether all `count` bytes at `start` are below 0x80: whole words, the last one overlapping
    /// the one before, so a short key costs one or two loads.
    @inline(__always)
    static func isASCII(_ start: UnsafeRawPointer, count: Int) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        if count >= 8 {
            var index = 0
            while index &+ 8 < count {
                if start.loadUnaligned(fromByteOffset: index, as: UInt64.self) & high != 0 { return false }
                index &+= 8
            }
            return start.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) & high == 0
        }
        if count >= 4 {
            return (start.loadUnaligned(as: UInt32.self) | start.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
                & 0x8080_8080 == 0
        }
        var index = 0
        while index < count {
            if start.load(fromByteOffset: index, as: UInt8.self) >= 0x80 { return false }
            index &+= 1
        }
        return true
    }

    /// `firstInvalidOffset` from the first non-ASCII byte on.
    static func firstInvalidOffsetSlowly(_ start: UnsafeRawPointer, count: Int, from first: Int) -> Int? {
        var index = first
        while index < count {
            let lead = start.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                index &+= 1
                continue
            }
            // The length of the sequence, and the range its second byte must lie in (RFC 3629 §4).
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard count &- index >= length else { return index }
            let second = start.load(fromByteOffset: index &+ 1, as: UInt8.self)
            guard second >= low && second <= high else { return index }
            var continuation = 2
            while continuation < length {
                guard start.load(fromByteOffset: index &+ continuation, as: UInt8.self) & 0xC0 == 0x80 else { return index }
                continuation &+= 1
            }
            index &+= length
        }
        return nil
    }
}
