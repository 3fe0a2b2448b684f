/// The spellings of JSON's scalars: escaped strings and numbers.
enum JSONText {
    static let null = Array("null".utf8)
    static let `true` = Array("true".utf8)
    static let `false` = Array("false".utf8)

    /// `text` as a JSON string literal in UTF-8, escaped per RFC 8259 as Python's
    /// `ensure_ascii=False` does it.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                           hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    static func string(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &output)
        return output
    }

    static func integer(_ value: some BinaryInteger) -> [UInt8] {
        Array(String(value).utf8)
    }

    /// The shortest decimal that reads back as `value`, laid out as Python's `repr(float)`:
    /// positional when the decimal exponent is from -4 to 15 (`0.0001`, `1e+15` as
    /// `1000000000000000.0`), else scientific with a signed two-digit-or-more exponent
    /// (`1e-05`, `1.5e+16`). Nil for NaN and infinities.
    static func number<Value: BinaryFloatingPoint & LosslessStringConvertible>(_ value: Value) -> [UInt8]? {
        guard value.isFinite else { return nil }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return Array("\(sign)0.0".utf8) }
        // Swift's description is the shortest round-trip decimal; take its digits and exponent.
        let text = value.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var digits = Array(mantissa[0].utf8) + (mantissa.count == 2 ? Array(mantissa[1].utf8) : [])
        // value = 0.digits × 10^point
        var point = mantissa[0].utf8.count + exponent
        while digits.first == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let zero = UInt8(ascii: "0")
        var output = Array(sign.utf8)
        if point > -4 && point <= 16 {
            if point <= 0 {
                output += [zero, UInt8(ascii: ".")] + repeatElement(zero, count: -point) + digits
            } else if point >= digits.count {
                output += digits + repeatElement(zero, count: point - digits.count) + [UInt8(ascii: "."), zero]
            } else {
                output += digits[..<point] + [UInt8(ascii: ".")] + digits[point...]
            }
        } else {
            output.append(digits[0])
            if digits.count > 1 { output += [UInt8(ascii: ".")] + digits[1...] }
            let scientific = point - 1
            output += Array("e\(scientific < 0 ? "-" : "+")".utf8)
            let magnitude = String(scientific.magnitude)
            output += (magnitude.count < 2 ? "0" + magnitude : magnitude).utf8
        }
        return output
    }
}
