/// The state is the `Encoder` of every nested value: `encodeComposite` sets `valueDepth` to the
/// nested value's depth for the duration of its `encode(to:)`, so no encoder object is allocated
/// per value.
extension EncodingState: Encoder {
    /// The path of the value now encoding itself.
    var codingPath: [any CodingKey] { codingPath(depth: valueDepth) }

    /// The `BinaryEncoder`'s user info.
    var userInfo: [CodingUserInfoKey: Any] { sendableUserInfo }

    /// A keyed container for the value now encoding itself.
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        keyedContainer(Key.self, depth: valueDepth, frameID: nil)
    }

    /// An unkeyed container for the value now encoding itself.
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        unkeyedContainer(depth: valueDepth, frameID: nil)
    }

    /// A single value container for the value now encoding itself.
    func singleValueContainer() -> any SingleValueEncodingContainer {
        singleValueContainer(depth: valueDepth, frameID: nil)
    }
}
