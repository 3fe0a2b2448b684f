/// The one-byte tags that start every value on the wire (docs/PROTOCOL.md, "Values").
///
/// A caseless namespace of constants rather than an enum with raw values: the decoder compares a
/// byte it has just read against these, and never needs to turn an unknown byte into a case.
enum WireTag {
    /// 0x00: no value (`nil`).
    static let null: UInt8 = 0x00
    /// 0x01: the Boolean `false`.
    static let `false`: UInt8 = 0x01
    /// 0x02: the Boolean `true`.
    static let `true`: UInt8 = 0x02
    /// 0x03: a signed integer, zigzag varint.
    static let signed: UInt8 = 0x03
    /// 0x04: an unsigned integer, varint.
    static let unsigned: UInt8 = 0x04
    /// 0x05: an IEEE-754 binary64, 8 bytes little-endian.
    static let float64: UInt8 = 0x05
    /// 0x06: a string: varint byte count, then UTF-8.
    static let string: UInt8 = 0x06
    /// 0x07: raw bytes: varint byte count, then the bytes.
    static let bytes: UInt8 = 0x07
    /// 0x08: an array: varint byte count of the rest, varint element count, the elements.
    static let array: UInt8 = 0x08
    /// 0x09: a map: varint byte count of the rest, varint entry count, the entries (key, value).
    static let map: UInt8 = 0x09
    // 0x0A (once a date) and 0x0B (once a UUID) and everything above are not tags: a reader refuses
    // them like any unknown byte.

    /// A readable name of a tag byte for error messages, e.g. `string (0x06)`.
    static func describe(_ tag: UInt8) -> String {
        let name: String
        switch tag {
        case null: name = "nil"
        case `false`, `true`: name = "bool"
        case signed: name = "signed integer"
        case unsigned: name = "unsigned integer"
        case float64: name = "float64"
        case string: name = "string"
        case bytes: name = "bytes"
        case array: name = "array"
        case map: name = "map"
        default: name = "unknown tag"
        }
        return "\(name) (0x\(hex(tag)))"
    }

    /// Two upper-case hex digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
