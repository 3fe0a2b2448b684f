/// Writes the one value of an encoder: a primitive directly, anything else by letting it encode
/// itself into the same frame (so a wrapper type adds no nesting on the wire).
struct BinarySingleValueEncodingContainer: SingleValueEncodingContainer {
    /// The state written into.
    let state: EncodingState
    /// The depth of the value's frame.
    let depth: Int
    /// The id of the value's frame.
    let frameID: Int

    var codingPath: [any CodingKey] { state.codingPath(depth: depth) }

    mutating func encodeNil() throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeNil()
    }

    mutating func encode(_ value: Bool) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeBool(value)
    }

    mutating func encode(_ value: String) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeString(value)
    }

    mutating func encode(_ value: Double) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeDouble(value)
    }

    mutating func encode(_ value: Float) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeDouble(Double(value))
    }

    mutating func encode(_ value: Int) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int8) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int16) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int32) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeSigned(Int64(value))
    }

    mutating func encode(_ value: Int64) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeSigned(value)
    }

    mutating func encode(_ value: UInt) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt8) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt16) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt32) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeUnsigned(UInt64(value))
    }

    mutating func encode(_ value: UInt64) throws {
        try state.beginSingleValue(depth: depth, frameID: frameID)
        state.writeUnsigned(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try state.encodeSingleValue(value, depth: depth, frameID: frameID)
    }
}
