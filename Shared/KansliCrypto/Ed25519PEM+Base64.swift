// Base64 (RFC 4648 §4, the standard alphabet with padding) for the PEM body: a small, strict
// codec so KansliCrypto stays free of Foundation.

extension Ed25519PEM {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` in base64 with `=` padding.
    internal static func base64Encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            output.append(remaining > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            output.append(remaining > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes that `text` (base64 with padding, no line breaks) spells; strict: a multiple of
    /// four characters, `=` only as the final one or two, and the bits the padding leaves unused
    /// set to zero, so that every byte string has exactly one accepted encoding.
    ///
    /// `firstLine` is the PEM line the text starts on, for the error message (lines are 64
    /// characters).
    internal static func base64Decode(_ text: [UInt8], firstLine: Int) throws(Ed25519Error) -> [UInt8] {
        guard text.count % 4 == 0 else {
            throw Ed25519Error(.malformedPEM, "the base64 is \(text.count) characters, not a multiple of 4 (missing or extra padding?)")
        }
        func position(_ index: Int) -> String {
            "line \(firstLine + index / 64), column \(index % 64 + 1)"
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var index = 0
        while index < text.count {
            let isLastGroup = index + 4 == text.count
            var group: UInt32 = 0
            var padding = 0
            for offset in 0..<4 {
                let character = text[index + offset]
                let value: UInt32
                if character == UInt8(ascii: "=") {
                    guard isLastGroup, offset >= 2 else {
                        throw Ed25519Error(.malformedPEM, "padding '=' at \(position(index + offset)) is not at the end of the base64")
                    }
                    padding += 1
                    value = 0
                } else {
                    guard padding == 0, let decoded = sextet(character) else {
                        throw Ed25519Error(.malformedPEM, padding == 0
                            ? "the character at \(position(index + offset)) is not base64"
                            : "there is base64 after the padding '=' at \(position(index + offset))")
                    }
                    value = decoded
                }
                group = group << 6 | value
            }
            output.append(UInt8(group >> 16 & 0xFF))
            if padding < 2 { output.append(UInt8(group >> 8 & 0xFF)) }
            if padding < 1 { output.append(UInt8(group & 0xFF)) }
            let unusedBits: UInt32 = padding == 2 ? 0xFFFF : (padding == 1 ? 0xFF : 0)
            guard group & unusedBits == 0 else {
                throw Ed25519Error(.malformedPEM, "the base64 before the padding at \(position(index + 3)) is not canonical (unused bits set)")
            }
            index += 4
        }
        return output
    }

    /// The value of one base64 character, or nil.
    private static func sextet(_ character: UInt8) -> UInt32? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(character - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(character - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
