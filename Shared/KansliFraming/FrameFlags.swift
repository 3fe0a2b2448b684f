/// The flag bits of a frame: byte 6 of the header.
///
/// Only ``compressed`` and ``mac`` are defined. A header with any other bit set is refused with
/// ``FramingError/Code/badFlags``, so that a future flag can never be silently ignored.
public struct FrameFlags: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    /// Creates flags from the header byte. Undefined bits are kept; see ``undefinedBits``.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Bit 0 (0x01): the wire payload is a compression envelope (u32 BE inflated length, then a
    /// zlib stream); ``Frame/payload`` holds the inflated bytes.
    public static let compressed = FrameFlags(rawValue: 0x01)

    /// Bit 1 (0x02): the 16-byte MAC field holds a MAC computed by the transport. When clear, the
    /// MAC field must be all zero.
    public static let mac = FrameFlags(rawValue: 0x02)

    /// Every bit this version of the protocol defines.
    public static let defined: FrameFlags = [.compressed, .mac]

    /// The bits set here that the protocol does not define (zero for a valid header).
    public var undefinedBits: UInt8 {
        rawValue & ~FrameFlags.defined.rawValue
    }

    /// For example `[compressed, mac]` or `[]`.
    public var description: String {
        var names: [String] = []
        if contains(.compressed) { names.append("compressed") }
        if contains(.mac) { names.append("mac") }
        if undefinedBits != 0 { names.append("undefined 0x" + Self.hex(undefinedBits)) }
        return "[" + names.joined(separator: ", ") + "]"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
