extension BinaryCodingError {
    /// A stable, open-ended error code: a struct wrapping a private enum, so that codes can be added
    /// without breaking callers that switch over the ones they know.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case truncated = "truncated"
            case invalidVarint = "invalid_varint"
            case invalidTag = "invalid_tag"
            case typeMismatch = "type_mismatch"
            case lengthOutOfBounds = "length_out_of_bounds"
            case limitExceeded = "limit_exceeded"
            case invalidUTF8 = "invalid_utf8"
            case numberOutOfRange = "number_out_of_range"
            case keyNotFound = "key_not_found"
            case valueNotFound = "value_not_found"
            case duplicateKey = "duplicate_key"
            case trailingBytes = "trailing_bytes"
            case invalidValue = "invalid_value"
            case invalidUsage = "invalid_usage"
            case unsupportedType = "unsupported_type"
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The input ends inside a value.
        public static let truncated = Code(.truncated)
        /// A varint is not in minimal form, or is longer than 10 bytes or 64 bits.
        public static let invalidVarint = Code(.invalidVarint)
        /// A byte where a value must start is not one of the tags 0x00–0x09.
        public static let invalidTag = Code(.invalidTag)
        /// The tag is valid but not one the requested type can be decoded from.
        public static let typeMismatch = Code(.typeMismatch)
        /// A length or count claims more than the bytes that remain, or disagrees with the bytes its
        /// container actually holds.
        public static let lengthOutOfBounds = Code(.lengthOutOfBounds)
        /// A `DecodingLimits` bound (depth, string length, collection count) was exceeded.
        public static let limitExceeded = Code(.limitExceeded)
        /// A string or key is not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// An integer does not fit the requested type, or a float64 overflows a `Float`.
        public static let numberOutOfRange = Code(.numberOutOfRange)
        /// A keyed container has no entry for a required key.
        public static let keyNotFound = Code(.keyNotFound)
        /// A value is nil (or an unkeyed container is at its end) where a value is required.
        public static let valueNotFound = Code(.valueNotFound)
        /// A map holds the same key twice, or two dictionary keys encode to the same bytes.
        public static let duplicateKey = Code(.duplicateKey)
        /// Bytes follow the top-level value.
        public static let trailingBytes = Code(.trailingBytes)
        /// The bytes are well formed but not a valid value of the type (e.g. an unknown enum case,
        /// a non-canonical dictionary key); also `DecodingError`/`EncodingError` thrown by a type.
        public static let invalidValue = Code(.invalidValue)
        /// The coder was used in a way it does not support, e.g. writing to a container after a
        /// later sibling container was written to (the encoder streams; containers nest in order).
        public static let invalidUsage = Code(.invalidUsage)
        /// A type the value format does not carry: a `Set`, or a `Dictionary` keyed by anything but
        /// `String` or `Int`. A developer's error, found when the first such value is coded.
        public static let unsupportedType = Code(.unsupportedType)

        /// The code's stable name, e.g. `truncated`, `invalid_varint`.
        public var description: String { value.rawValue }
    }
}
