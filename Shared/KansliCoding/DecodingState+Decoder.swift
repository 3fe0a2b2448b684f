/// The state is the `Decoder` of every nested value: `decodeComposite` sets `currentOffset` and
/// `path` for the duration of the value's `init(from:)`, so no decoder object is allocated per value.
extension DecodingState: Decoder {
    /// The path of the value now decoding itself.
    var codingPath: [any CodingKey] { path.map(\.codingKey) }

    /// The `BinaryDecoder`'s user info.
    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    /// A keyed container over the value now decoding itself, which must be a map.
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try keyedContainer(Key.self, at: currentOffset, context: nil)
    }

    /// An unkeyed container over the value now decoding itself, which must be an array.
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try unkeyedContainer(at: currentOffset, context: nil)
    }

    /// A single value container over the value now decoding itself.
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecodingContainer(state: self, offset: currentOffset, context: nil)
    }
}
