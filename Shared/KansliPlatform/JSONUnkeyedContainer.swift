/// The unkeyed container of `JSONTreeEncoder`: elements of one JSON array.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    var count: Int {
        guard case .array(let elements) = node.content else { return 0 }
        return elements.count
    }

    private var nextPath: [any CodingKey] { codingPath + [JSONPathKey(intValue: count)] }

    private func append(_ child: JSONNode) {
        guard case .array(var elements) = node.content else { preconditionFailure("JSONUnkeyedContainer over a non-array") }
        // Drop the reference held by `content` first, so the array is mutated in place.
        node.content = .empty
        elements.append(child)
        node.content = .array(elements)
    }

    private func scalar(_ bytes: [UInt8]) { append(JSONNode(scalar: bytes)) }

    mutating func encodeNil() throws { scalar(JSONText.null) }
    mutating func encode(_ value: Bool) throws { scalar(value ? JSONText.true : JSONText.false) }
    mutating func encode(_ value: String) throws { scalar(JSONText.string(value)) }
    mutating func encode(_ value: Double) throws { append(try JSONTreeEncoder.number(value, codingPath: nextPath)) }
    mutating func encode(_ value: Float) throws { append(try JSONTreeEncoder.number(value, codingPath: nextPath)) }
    mutating func encode(_ value: Int) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int8) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int16) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int32) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: Int64) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt8) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt16) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt32) throws { scalar(JSONText.integer(value)) }
    mutating func encode(_ value: UInt64) throws { scalar(JSONText.integer(value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128) throws { scalar(JSONText.integer(value)) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128) throws { scalar(JSONText.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try JSONTreeEncoder.node(for: value, codingPath: nextPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode()
        let path = nextPath
        append(child)
        return JSONTreeEncoder(node: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        let path = nextPath
        append(child)
        return JSONTreeEncoder(node: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNode()
        let path = nextPath
        append(child)
        return JSONTreeEncoder(node: child, codingPath: path)
    }
}
