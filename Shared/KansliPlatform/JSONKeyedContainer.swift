/// The keyed container of `JSONTreeEncoder`: members of one JSON object.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    private func set(_ child: JSONNode, _ key: Key) {
        guard case .object(var members) = node.content else { preconditionFailure("JSONKeyedContainer over a non-object") }
        // Drop the reference held by `content` first, so the dictionary is mutated in place.
        node.content = .empty
        members[key.stringValue] = child
        node.content = .object(members)
    }

    private func scalar(_ bytes: [UInt8], _ key: Key) { set(JSONNode(scalar: bytes), key) }

    mutating func encodeNil(forKey key: Key) throws { scalar(JSONText.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { scalar(value ? JSONText.true : JSONText.false, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { scalar(JSONText.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try JSONTreeEncoder.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try JSONTreeEncoder.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { scalar(JSONText.integer(value), key) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { scalar(JSONText.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try JSONTreeEncoder.node(for: value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = JSONNode()
        set(child, key)
        return JSONTreeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNode()
        set(child, key)
        return JSONTreeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = JSONNode()
        guard case .object(var members) = node.content else { preconditionFailure("JSONKeyedContainer over a non-object") }
        node.content = .empty
        members[JSONPathKey.super.stringValue] = child
        node.content = .object(members)
        return JSONTreeEncoder(node: child, codingPath: codingPath + [JSONPathKey.super])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = JSONNode()
        set(child, key)
        return JSONTreeEncoder(node: child, codingPath: codingPath + [key])
    }
}
