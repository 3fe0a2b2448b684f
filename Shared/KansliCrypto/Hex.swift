/// Hexadecimal text for bytes: digests in logs, test vectors, configuration.
public enum Hex {
    /// Returns two hex digits per byte, lowercase unless `uppercase` is true: `[0xAB, 0x01]` →
    /// `"ab01"`.
    public static func encode(_ bytes: [UInt8], uppercase: Bool = false) -> String {
        let digits: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
        return String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            digits.withUTF8Buffer { table in
                for (index, byte) in bytes.enumerated() {
                    output[2 * index] = table[Int(byte >> 4)]
                    output[2 * index + 1] = table[Int(byte & 0x0F)]
                }
            }
            return bytes.count * 2
        }
    }

    /// Returns the bytes that `text` spells, or nil unless `text` is an even number of hex digits
    /// (either case, nothing else: no spaces, no `0x` prefix). The empty string gives `[]`.
    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = text.utf8
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var high: UInt8? = nil
        for character in utf8 {
            guard let nibble = nibbleValue(character) else { return nil }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The value of one ASCII hex digit, or nil.
    private static func nibbleValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
