/// The `Encoder` a `JSONWriter` hands to `encode(to:)`: it fills one `JSONNode`.
struct JSONTreeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch node.content {
        case .empty: node.content = .object([:])
        case .object: break  // A second request at the same path adds to the same object.
        case .scalar, .array:
            preconditionFailure("KansliPlatform.JSONWriter: \(JSONTreeEncoder.path(codingPath)) asked for a keyed container after encoding another kind of value")
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch node.content {
        case .empty: node.content = .array([])
        case .array: break
        case .scalar, .object:
            preconditionFailure("KansliPlatform.JSONWriter: \(JSONTreeEncoder.path(codingPath)) asked for an unkeyed container after encoding another kind of value")
        }
        return JSONUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(node: node, codingPath: codingPath)
    }

    /// `a.b[2]` for messages.
    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the top-level value" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The node for a floating-point value, or the error JSON has for NaN and infinities.
    static func number<Value: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: Value, codingPath: [any CodingKey]
    ) throws -> JSONNode {
        guard let bytes = JSONText.number(value) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: codingPath, debugDescription: "JSON has no spelling for \(value) at \(path(codingPath))"))
        }
        return JSONNode(scalar: bytes)
    }

    /// The node for any value: primitives directly, the rest through their `encode(to:)`.
    static func node<Value: Encodable>(for value: Value, codingPath: [any CodingKey]) throws -> JSONNode {
        switch value {
        case let text as String: return JSONNode(scalar: JSONText.string(text))
        case let number as Int: return JSONNode(scalar: JSONText.integer(number))
        case let flag as Bool: return JSONNode(scalar: flag ? JSONText.true : JSONText.false)
        case let number as Double: return try self.number(number, codingPath: codingPath)
        default:
            let child = JSONNode()
            try value.encode(to: JSONTreeEncoder(node: child, codingPath: codingPath))
            return child
        }
    }
}
