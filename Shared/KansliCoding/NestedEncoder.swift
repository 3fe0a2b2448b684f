/// The `Encoder` that `superEncoder()` and `superEncoder(forKey:)` return: bound to one frame of the
/// state, because the caller uses it later, while the state's own `valueDepth` belongs to the
/// value that asked for it.
final class NestedEncoder: Encoder {
    /// The state written into.
    let state: EncodingState
    /// The depth of the frame this encoder writes.
    let depth: Int
    /// The id of that frame (`EncodingState.invalidFrameID` if it was refused).
    let frameID: Int

    init(state: EncodingState, depth: Int, frameID: Int) {
        self.state = state
        self.depth = depth
        self.frameID = frameID
    }

    var codingPath: [any CodingKey] { state.codingPath(depth: depth) }

    var userInfo: [CodingUserInfoKey: Any] { state.sendableUserInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        state.nestedKeyedContainer(Key.self, depth: depth, frameID: frameID)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        state.nestedUnkeyedContainer(depth: depth, frameID: frameID)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        BinarySingleValueEncodingContainer(state: state, depth: depth, frameID: frameID)
    }
}
