/// Writes a struct (or any keyed value) as a map: each `encode(_:forKey:)` appends one entry, the
/// key's UTF-8 then the value, in the order the type encodes them.
struct BinaryKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The state written into.
    let state: EncodingState
    /// The depth of the map's frame.
    let depth: Int
    /// The id of the map's frame; a write after the frame was closed throws `.invalidUsage`.
    let frameID: Int

    var codingPath: [any CodingKey] { state.codingPath(depth: depth) }

    /// Checks the container, counts the entry and writes `key`; the caller writes the value.
    @inline(__always)
    private func begin(_ key: Key) throws {
        try state.enterFrame(depth: depth, frameID: frameID)
        state.frames[depth].count &+= 1
        state.writeStringBody(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        try begin(key)
        state.writeNil()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try begin(key)
        state.writeBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try begin(key)
        state.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try begin(key)
        state.writeDouble(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        try begin(key)
        state.writeDouble(Double(value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        try begin(key)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws {
        try begin(key)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int16, forKey key: Key) throws {
        try begin(key)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        try begin(key)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try begin(key)
        state.writeSigned(value)
    }

    mutating func encode(_ value: UInt, forKey key: Key) throws {
        try begin(key)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        try begin(key)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        try begin(key)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        try begin(key)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        try begin(key)
        state.writeUnsigned(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try state.encodeEntry(value, forKey: key, depth: depth, frameID: frameID)
    }

    // `encodeIfPresent` leaves the key out for nil, as the standard library's defaults do; these
    // overrides only save the defaults' extra indirection.

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        // Testing for nil needs only `T`'s metadata; unwrapping needs `Optional<T>`'s, a runtime
        // look-up of some 450 instructions, so it happens in a separate function, only for values.
        if value == nil { return }
        try encodePresent(value, forKey: key)
    }

    /// Encodes the wrapped value of `value`, which is not nil.
    private mutating func encodePresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let id = state.beginNestedValue(depth: depth, frameID: frameID, element: .key(key)) {
            $0.writeStringBody(key.stringValue)
        }
        return state.nestedKeyedContainer(NestedKey.self, depth: depth + 1, frameID: id)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let id = state.beginNestedValue(depth: depth, frameID: frameID, element: .key(key)) {
            $0.writeStringBody(key.stringValue)
        }
        return state.nestedUnkeyedContainer(depth: depth + 1, frameID: id)
    }

    /// An encoder for the superclass's value, nested under the key `super`.
    mutating func superEncoder() -> any Encoder {
        let id = state.beginNestedValue(depth: depth, frameID: frameID, element: .string(BinaryCodingKey.superKey)) {
            $0.writeStringBody(BinaryCodingKey.superKey)
        }
        return NestedEncoder(state: state, depth: depth + 1, frameID: id)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let id = state.beginNestedValue(depth: depth, frameID: frameID, element: .key(key)) {
            $0.writeStringBody(key.stringValue)
        }
        return NestedEncoder(state: state, depth: depth + 1, frameID: id)
    }
}
