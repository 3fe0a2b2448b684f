/// The `Decoder` that `superDecoder()` and `superDecoder(forKey:)` return: bound to one value and
/// path, because the caller may use it at any time while the state decodes other values.
final class NestedDecoder: Decoder {
    /// The state read from.
    let state: DecodingState
    /// Where the value starts.
    let offset: Int
    /// The value's coding path.
    let context: PathContext

    init(state: DecodingState, offset: Int, context: PathContext) {
        self.state = state
        self.offset = offset
        self.context = context
    }

    var codingPath: [any CodingKey] { state.path(of: context).map(\.codingKey) }

    var userInfo: [CodingUserInfoKey: Any] { state.sendableUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try state.keyedContainer(Key.self, at: offset, context: context)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try state.unkeyedContainer(at: offset, context: context)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecodingContainer(state: state, offset: offset, context: context)
    }
}
