extension FramingError {
    /// A stable code for a ``FramingError``. Its ``description`` (snake_case) is stable too and is
    /// what logs and metrics should carry.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case badMagic
            case unsupportedVersion
            case unknownKind
            case badFlags
            case badReserved
            case unexpectedMAC
            case tooLarge
            case badChecksum
            case decompressionFailed
            case decompressedTooLarge
            case decompressedLengthMismatch
            case compressionFailed
        }

        private let value: Value

        private init(_ value: Value) {
            self.value = value
        }

        /// Bytes 0..<4 are not `KNSL`: the peer does not speak this protocol (or the stream is out
        /// of sync). Detected as soon as the first differing byte arrives.
        public static let badMagic = Code(.badMagic)
        /// Byte 4 is not a protocol version this build speaks.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// Byte 5 is not a ``FrameKind``.
        public static let unknownKind = Code(.unknownKind)
        /// Byte 6 has a bit set that ``FrameFlags`` does not define.
        public static let badFlags = Code(.badFlags)
        /// A reserved header byte (7, 14 or 15) is not zero.
        public static let badReserved = Code(.badReserved)
        /// The MAC field is not all zero although the MAC flag is clear.
        public static let unexpectedMAC = Code(.unexpectedMAC)
        /// The payload length exceeds ``FrameLimits/maxPayloadBytes`` (refused from the header
        /// alone), or a payload given to ``FrameWriter`` cannot fit in a frame.
        public static let tooLarge = Code(.tooLarge)
        /// The CRC-32 of the wire payload does not match the header.
        public static let badChecksum = Code(.badChecksum)
        /// A compressed payload is not a valid compression envelope: shorter than its 4-byte
        /// length, a corrupt or truncated zlib stream, or bytes after the stream's end.
        public static let decompressionFailed = Code(.decompressionFailed)
        /// A compressed payload states an inflated length over
        /// ``FrameLimits/maxDecompressedBytes``; refused before inflating.
        public static let decompressedTooLarge = Code(.decompressedTooLarge)
        /// A compressed payload inflates to a different number of bytes than it states (more bytes
        /// are never produced: inflating stops one byte past the stated length).
        public static let decompressedLengthMismatch = Code(.decompressedLengthMismatch)
        /// zlib could not compress (only thrown by ``Zlib``'s `compress`;
        /// ``FrameWriter`` then sends the payload uncompressed).
        public static let compressionFailed = Code(.compressionFailed)

        /// The protocol error code to report for this violation: `"too_large"` for the size limits,
        /// `"unsupported_version"` for a version this build does not speak, `"bad_request"` for
        /// every other malformed frame.
        public var protocolErrorCode: String {
            switch value {
            case .tooLarge, .decompressedTooLarge: "too_large"
            case .unsupportedVersion: "unsupported_version"
            case .badMagic, .unknownKind, .badFlags, .badReserved, .unexpectedMAC, .badChecksum,
                 .decompressionFailed, .decompressedLengthMismatch, .compressionFailed:
                "bad_request"
            }
        }

        /// The stable snake_case name, for example `bad_magic`.
        public var description: String {
            switch value {
            case .badMagic: "bad_magic"
            case .unsupportedVersion: "unsupported_version"
            case .unknownKind: "unknown_kind"
            case .badFlags: "bad_flags"
            case .badReserved: "bad_reserved"
            case .unexpectedMAC: "unexpected_mac"
            case .tooLarge: "too_large"
            case .badChecksum: "bad_checksum"
            case .decompressionFailed: "decompression_failed"
            case .decompressedTooLarge: "decompressed_too_large"
            case .decompressedLengthMismatch: "decompressed_length_mismatch"
            case .compressionFailed: "compression_failed"
            }
        }
    }
}
