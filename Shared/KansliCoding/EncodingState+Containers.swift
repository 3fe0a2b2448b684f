/// Making containers and nested encoders over the frame stack.
extension EncodingState {
    /// A keyed container writing into the frame at `depth`.
    func keyedContainer<Key: CodingKey>(_ type: Key.Type, depth: Int, frameID: Int?) -> KeyedEncodingContainer<Key> {
        let id = startContainer(.keyed, depth: depth, frameID: frameID)
        return KeyedEncodingContainer(BinaryKeyedEncodingContainer<Key>(state: self, depth: depth, frameID: id))
    }

    /// An unkeyed container writing into the frame at `depth`.
    func unkeyedContainer(depth: Int, frameID: Int?) -> BinaryUnkeyedEncodingContainer {
        let id = startContainer(.unkeyed, depth: depth, frameID: frameID)
        return BinaryUnkeyedEncodingContainer(state: self, depth: depth, frameID: id)
    }

    /// A single value container writing into the frame at `depth`.
    func singleValueContainer(depth: Int, frameID: Int?) -> BinarySingleValueEncodingContainer {
        var id = Self.invalidFrameID
        if depth >= 0, depth < frames.count, frameID == nil || frames[depth].id == frameID {
            id = frames[depth].id
        }
        return BinarySingleValueEncodingContainer(state: self, depth: depth, frameID: id)
    }

    /// Begins a nested value reached by `element` from the container at `depth`: checks the
    /// container, lets `writeKey` write the entry's key (keyed containers), counts the entry and
    /// pushes a pending frame for it. Returns the new frame's id, or `invalidFrameID` if the
    /// container is stale (the Codable calls that get here cannot throw).
    func beginNestedValue(depth: Int, frameID: Int, element: CodingPathElement,
                          writeKey: (EncodingState) -> Void) -> Int {
        guard isLive(depth: depth, frameID: frameID) else { return Self.invalidFrameID }
        closeFrames(downTo: depth)
        writeKey(self)
        frames[depth].count &+= 1
        return pushFrame(element: element)
    }

    /// A keyed container for a nested value whose frame `beginNestedValue` pushed at `depth`.
    func nestedKeyedContainer<Key: CodingKey>(_ type: Key.Type, depth: Int, frameID: Int) -> KeyedEncodingContainer<Key> {
        if frameID == Self.invalidFrameID {
            return KeyedEncodingContainer(BinaryKeyedEncodingContainer<Key>(state: self, depth: depth, frameID: frameID))
        }
        return keyedContainer(Key.self, depth: depth, frameID: frameID)
    }

    /// An unkeyed container for a nested value whose frame `beginNestedValue` pushed at `depth`.
    func nestedUnkeyedContainer(depth: Int, frameID: Int) -> BinaryUnkeyedEncodingContainer {
        if frameID == Self.invalidFrameID {
            return BinaryUnkeyedEncodingContainer(state: self, depth: depth, frameID: frameID)
        }
        return unkeyedContainer(depth: depth, frameID: frameID)
    }
}
