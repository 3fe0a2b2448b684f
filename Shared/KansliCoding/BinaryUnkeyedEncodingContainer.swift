/// Writes an array: each `encode` appends one element.
struct BinaryUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    /// The state written into.
    let state: EncodingState
    /// The depth of the array's frame.
    let depth: Int
    /// The id of the array's frame; a write after the frame was closed throws `.invalidUsage`.
    let frameID: Int

    var codingPath: [any CodingKey] { state.codingPath(depth: depth) }

    /// The elements written so far.
    var count: Int {
        state.isLive(depth: depth, frameID: frameID) ? state.frames[depth].count : 0
    }

    /// Checks the container and counts the element; the caller writes it.
    @inline(__always)
    private func begin() throws {
        try state.enterFrame(depth: depth, frameID: frameID)
        state.frames[depth].count &+= 1
    }

    mutating func encodeNil() throws {
        try begin()
        state.writeNil()
    }

    mutating func encode(_ value: Bool) throws {
        try begin()
        state.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try begin()
        state.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        try begin()
        state.writeDouble(value)
    }

    mutating func encode(_ value: Float) throws {
        try begin()
        state.writeDouble(Double(value))
    }

    mutating func encode(_ value: Int) throws {
        try begin()
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int8) throws {
        try begin()
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int16) throws {
        try begin()
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int32) throws {
        try begin()
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int64) throws {
        try begin()
        state.writeSigned(value)
    }

    mutating func encode(_ value: UInt) throws {
        try begin()
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt8) throws {
        try begin()
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt16) throws {
        try begin()
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt32) throws {
        try begin()
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt64) throws {
        try begin()
        state.writeUnsigned(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try state.encodeElement(value, depth: depth, frameID: frameID)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let id = state.beginNestedValue(depth: depth, frameID: frameID, element: .index(count)) { _ in }
        return state.nestedKeyedContainer(NestedKey.self, depth: depth + 1, frameID: id)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let id = state.beginNestedValue(depth: depth, frameID: frameID, element: .index(count)) { _ in }
        return state.nestedUnkeyedContainer(depth: depth + 1, frameID: id)
    }

    /// An encoder for the superclass's value, as the next element.
    mutating func superEncoder() -> any Encoder {
        let id = state.beginNestedValue(depth: depth, frameID: frameID, element: .index(count)) { _ in }
        return NestedEncoder(state: state, depth: depth + 1, frameID: id)
    }
}
